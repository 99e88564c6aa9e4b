using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Storage;

namespace EdgeCredit.Collector.Operations;

/// <summary>
/// Minutes per local day during which a camera of the enterprise reported a tamper condition (covered, moved, frozen,
/// looped), from the condition events the agents send. Dark, defocused and offline are not tamper here: lights go off
/// at night, lenses get dirty, and an offline camera is a data gap.
/// </summary>
internal sealed class TamperMinutes(CollectorDatabase database)
{
    private static readonly string[] Conditions = ["covered", "moved", "frozen", "looped"];

    /// <summary>Conditions open at this much before <c>from</c> still count (a long cover that began earlier).</summary>
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(14);

    public async Task<Dictionary<DateOnly, double>> PerDayAsync(string enterprise, EnterpriseCalendar calendar, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var fromMs = calendar.DayStartMs(from);
        var toMs = Math.Min(calendar.DayStartMs(to.AddDays(1)), now.ToUnixTimeMilliseconds());
        var open = new Dictionary<(string Device, string Source, string Condition), long>();
        var spans = new List<(long Start, long End)>();
        await using (var connection = database.Open())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT device, source, type, condition, at_ms, since_ms FROM events
                WHERE enterprise = $enterprise AND at_ms >= $from AND at_ms < $to AND condition IN ({string.Join(',', Conditions.Select(c => $"'{c}'"))})
                ORDER BY at_ms
                """;
            command.Parameters.AddWithValue("$enterprise", enterprise);
            command.Parameters.AddWithValue("$from", fromMs - (long)LookBack.TotalMilliseconds);
            command.Parameters.AddWithValue("$to", toMs);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(3));
                var at = reader.GetInt64(4);
                long? since = reader.IsDBNull(5) ? null : reader.GetInt64(5);
                if (reader.GetString(2) == "condition_started")
                {
                    open.TryAdd(key, since ?? at);
                }
                else if (reader.GetString(2) == "condition_ended")
                {
                    var start = open.Remove(key, out var began) ? began : since ?? at;
                    spans.Add((start, at));
                }
            }
        }

        spans.AddRange(open.Values.Select(start => (start, toMs)));
        var minutes = new Dictionary<DateOnly, double>();
        foreach (var (start, end) in spans)
        {
            for (var date = calendar.LocalDate(Math.Max(start, fromMs)); date <= to; date = date.AddDays(1))
            {
                var dayStart = calendar.DayStartMs(date);
                var dayEnd = calendar.DayStartMs(date.AddDays(1));
                if (dayStart >= end)
                {
                    break;
                }

                var overlap = Math.Min(end, dayEnd) - Math.Max(start, dayStart);
                if (overlap > 0)
                {
                    minutes[date] = minutes.GetValueOrDefault(date) + (overlap / 60_000.0);
                }
            }
        }

        return minutes;
    }
}
