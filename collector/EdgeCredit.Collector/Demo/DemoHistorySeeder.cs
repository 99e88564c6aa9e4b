using System.Buffers;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Demo;

/// <summary>
/// Writes simulated history through the real ingest path (validation, dedupe, rollups), one batch per device and day,
/// signals marked <c>simulated</c>: a machine's running seconds, a meter's energy, a camera's activity and health,
/// hourly, following each enterprise's calendar. Demo tooling only; sequences start at 1, far below any agent's.
/// </summary>
internal sealed class DemoHistorySeeder(SignalIngestor ingestor, EnterpriseCalendars calendars, IOptions<DemoHistoryOptions> options, TimeProvider time)
{
    public static readonly string[] Plans = ["normal", "decline", "halt", "dark", "dark-1", "tamper"];

    public async Task<int> SeedAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var batches = 0;
        foreach (var entry in options.Value.History)
        {
            var calendar = calendars.Get(entry.Enterprise!).Calendar;
            var yesterday = calendar.LocalDate(time.GetUtcNow().ToUnixTimeMilliseconds()).AddDays(-1);
            var first = yesterday.AddDays(1 - options.Value.Days);
            var scheduled = Enumerable.Range(0, options.Value.Days).Select(first.AddDays).Where(d => calendar.ScheduledHours(d) > 0).ToList();
            var sequence = 0L;
            for (var date = first; date <= yesterday; date = date.AddDays(1))
            {
                var daysBack = yesterday.DayNumber - date.DayNumber;
                var scheduledBack = scheduled.Count(d => d > date);
                var skip = (entry.Plan == "dark" && daysBack < 3) || (entry.Plan == "dark-1" && daysBack < 1);
                if (skip)
                {
                    continue;
                }

                var share = entry.Plan == "decline" && scheduledBack < 8 ? 0.6 : entry.Plan == "halt" && scheduledBack < 3 ? 0 : 1;
                var tamper = entry.Plan == "tamper" && daysBack == 0;
                var batch = Day(entry, calendar, date, share, tamper, ++sequence);
                var payload = ProtocolJson.Serialize(batch);
                var outcome = await ingestor.IngestSignalsAsync(
                    new IncomingMessage(Topics.SignalsOf(entry.Enterprise!, entry.Device!), new ReadOnlySequence<byte>(payload), "seed-demo-history", entry.Device),
                    cancellationToken).ConfigureAwait(false);
                if (outcome.Result is not (IngestResult.Stored or IngestResult.AlreadyStored))
                {
                    throw new InvalidOperationException($"Seeding {entry.Enterprise}/{entry.Device} {date:yyyy-MM-dd} was refused: {outcome.Result} {outcome.Detail}");
                }

                batches++;
            }

            await output.WriteLineAsync($"seed-demo-history: {entry.Enterprise}/{entry.Device} plan {entry.Plan}: {first:yyyy-MM-dd} to {yesterday:yyyy-MM-dd}").ConfigureAwait(false);
        }

        return batches;
    }

    private SignalBatch Day(DemoHistoryEntry entry, EnterpriseCalendar calendar, DateOnly date, double share, bool tamper, long sequence)
    {
        var start = DateTimeOffset.FromUnixTimeMilliseconds(calendar.DayStartMs(date));
        var end = DateTimeOffset.FromUnixTimeMilliseconds(calendar.DayStartMs(date.AddDays(1)));
        var scheduled = calendar.Shifts.Count > 0 && calendar.ScheduledHours(date) > 0;
        var signals = new List<Signal>();
        var noise = new Random(HashCode.Combine(entry.Device, date.DayNumber));
        for (var at = start; at < end; at = at.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTime(at, calendar.Zone);
            var inShift = scheduled && calendar.Shifts.Any(s => InShift(s, TimeOnly.FromDateTime(local.DateTime)));
            var level = inShift ? share * (0.9 + (0.1 * noise.NextDouble())) : 0;
            signals.Add(Signal(at, "line-1", SignalKind.RunningSeconds, Math.Round(3600 * level)));
            signals.Add(Signal(at, "meter-1", SignalKind.Energy, Math.Round(4 + (50 * level), 2)));
            signals.Add(Signal(at, "cam-1", SignalKind.ActivityIndex, Math.Round(0.5 * level, 3)));
            signals.Add(Signal(at, "cam-1", SignalKind.CameraHealth, tamper && local.Hour is >= 10 and < 12 ? 0 : 1));
        }

        var covered = start.AddHours(10);
        return new SignalBatch
        {
            Version = 1,
            Enterprise = entry.Enterprise!,
            Device = entry.Device!,
            Sequence = sequence,
            SentAt = end < time.GetUtcNow() ? end : time.GetUtcNow(),
            Signals = signals,
            Events = tamper
                ?
                [
                    new DeviceEvent { At = covered.AddSeconds(6), Source = "cam-1", Type = EventType.ConditionStarted, Condition = EventCondition.Covered, Confidence = 0.9, Since = covered, Detail = "demo: lens covered" },
                    new DeviceEvent { At = covered.AddHours(2), Source = "cam-1", Type = EventType.ConditionEnded, Condition = EventCondition.Covered, Since = covered },
                ]
                : null,
        };
    }

    private static bool InShift(Shift shift, TimeOnly time) =>
        shift.End > shift.Start ? time >= shift.Start && time < shift.End : time >= shift.Start || time < shift.End;

    private static Signal Signal(DateTimeOffset start, string source, SignalKind kind, double value) => new()
    {
        Start = start,
        End = start.AddHours(1),
        Source = source,
        Kind = kind,
        Value = value,
        Unit = SignalVocabulary.UnitOf(kind),
        Quality = SignalQuality.Simulated,
    };
}
