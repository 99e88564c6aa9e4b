using System.Globalization;
using EdgeCredit.Benchmarks.Indicators;
using EdgeCredit.Benchmarks.State;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Operations;
using EdgeCredit.Collector.Tenancy;
using EdgeCredit.Collector.Warnings;
using EdgeCredit.Collector.Webhooks;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Benchmarks.Warnings;

/// <summary>
/// The Steel plant's real 2018 series replayed a local day at a time through the collector's ingest path, indicators,
/// operating state and warning rules, evaluated after each day as the warning service would. Scenarios are injected
/// into the real data: <c>none</c> (the year as recorded: every warning is a false one), <c>halt</c> (five workdays at
/// the plant's holiday base load), <c>decline</c> (three weeks at 60 %), <c>offline</c> (three days with no data at all).
/// </summary>
/// <param name="planned">Days entered in the enterprise calendar as planned shutdown (company holidays), e.g. <c>2018-08-01..2018-08-05</c>.</param>
internal sealed class WarningReplay(string scenario, string? planned)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly DateOnly HaltFrom = new(2018, 6, 18);
    private static readonly DateOnly DeclineFrom = new(2018, 9, 3);
    private static readonly DateOnly OfflineFrom = new(2018, 10, 15);

    /// <summary>A halted day: the plant's base load on its 2018 holidays (about 300 kWh a day).</summary>
    private const double HaltedKw = 12.5;

    public static readonly string[] Scenarios = ["none", "halt", "decline", "offline"];

    public async Task<int> RunAsync()
    {
        if (!Scenarios.Contains(scenario))
        {
            Console.WriteLine("usage: warnings-replay --scenario " + string.Join('|', Scenarios));
            return 2;
        }

        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var rows = EnergyData.Steel();
        var enterprise = new EnterpriseOptions { Id = "daewoo-steel", Name = "DAEWOO Steel (UCI data set)", TimeZone = "Asia/Seoul", Industry = "steel", OperatingPowerKw = 80, Calendar = { Holidays = "kr" } };
        enterprise.Calendar.Shifts.Add(new ShiftOptions { Start = "08:00", End = "20:00" });
        if (planned is { Length: > 0 })
        {
            var parts = planned.Split("..");
            for (var d = DateOnly.Parse(parts[0], Inv); d <= DateOnly.Parse(parts[^1], Inv); d = d.AddDays(1))
            {
                enterprise.Calendar.PublicHolidays.Add(new HolidayOptions { Date = d.ToString("yyyy-MM-dd", Inv), Name = "planned shutdown" });
            }
        }

        await using var collector = new ReplayCollector(enterprise, "steel-gw", new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(rows[0].Start, seoul), TimeSpan.Zero));
        await collector.StartAsync();
        var calendar = collector.Calendars.Get(collector.Enterprise).Calendar;
        var store = new WarningStore(collector.Database);
        var publisher = new WebhookPublisher(new WebhookStore(collector.Database), new LenderDirectory(Options.Create(new TenancyOptions())), new WebhookWake(), collector.Clock);
        var engine = new WarningEngine(collector.Engine, new TamperMinutes(collector.Database), collector.Calendars, store, publisher, Options.Create(new WarningOptions()), collector.Clock);
        Console.WriteLine($"warnings-replay --scenario {scenario}: Steel_industry_data.csv (2018, Asia/Seoul, kr holidays, Mon-Fri 08:00-20:00, 80 kW), evaluated after every local day with the default rules");
        Console.WriteLine(Describe());
        if (planned is { Length: > 0 })
        {
            Console.WriteLine($"planned shutdown entered in the enterprise calendar: {planned}");
        }

        var log = new List<string>();
        var states = new Dictionary<OperatingState, int>();
        foreach (var day in rows.GroupBy(r => DateOnly.FromDateTime(r.Start)))
        {
            var date = day.Key;
            if (!(scenario == "offline" && date >= OfflineFrom && date < OfflineFrom.AddDays(3)))
            {
                var signals = new List<Signal>();
                foreach (var row in day)
                {
                    var kw = Inject(date, row.Kilowatts, calendar);
                    var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(row.Start, seoul), TimeSpan.Zero);
                    signals.Add(Make(start, "plant-meter", SignalKind.Energy, Math.Round(kw / 4, 4)));
                    signals.Add(Make(start, "plant-meter", SignalKind.PowerAvg, Math.Round(kw, 4)));
                }

                await collector.SubmitAsync(signals);
                await collector.DrainAsync();
            }

            // The warning service runs two hours after the local day ended.
            collector.Clock.Now = DateTimeOffset.FromUnixTimeMilliseconds(calendar.DayStartMs(date.AddDays(1))).AddHours(2);
            await collector.Engine.RecomputeDirtyAsync(CancellationToken.None);
            foreach (var change in await engine.EvaluateAsync(collector.Enterprise, CancellationToken.None))
            {
                log.Add(string.Create(Inv, $"  {date:yyyy-MM-dd} ({calendar.TypeOf(date)}, {date.DayOfWeek}): {change}"));
            }
        }

        var assessed = await engine.AssessAsync(collector.Enterprise, new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31), CancellationToken.None);
        foreach (var group in assessed.GroupBy(d => (d.DayType, d.State)).OrderBy(g => g.Key.DayType).ThenBy(g => g.Key.State))
        {
            states[group.Key.State] = states.GetValueOrDefault(group.Key.State) + group.Count();
        }

        Console.WriteLine();
        Console.WriteLine("operating state by day type:");
        foreach (var type in assessed.GroupBy(d => d.DayType))
        {
            Console.WriteLine($"  {type.Key,-14} " + string.Join(", ", type.GroupBy(d => d.State).OrderBy(g => g.Key).Select(g => $"{WarningEvaluator.Name(g.Key)} {g.Count()}")));
        }

        Console.WriteLine();
        Console.WriteLine($"warning changes over the year ({log.Count}):");
        log.ForEach(Console.WriteLine);
        var all = store.List(new WarningQuery([collector.Enterprise], null, null, null, 1000));
        Console.WriteLine();
        Console.WriteLine($"warnings opened: {all.Count}");
        foreach (var w in all.OrderBy(w => w.Id))
        {
            Console.WriteLine($"  #{w.Id} {w.Level,-6} {w.Cause,-18} days {w.FirstDay}..{w.LastDay} status {w.Status} ({w.Disposition ?? "-"}): {w.Summary}");
        }

        return Verdict(all);
    }

    private string Describe() => scenario switch
    {
        "halt" => $"injected: {HaltFrom:yyyy-MM-dd} (Mon) to {HaltFrom.AddDays(4):yyyy-MM-dd} (Fri) at {HaltedKw} kW all day (the plant's holiday base load); expected: production_halted Alert opened on the 2nd halted day, resolved when the plant runs again, nothing else",
        "decline" => $"injected: {DeclineFrom:yyyy-MM-dd} to {DeclineFrom.AddDays(18):yyyy-MM-dd} (3 weeks) at 60 % of the recorded power; expected: sharp_decline Watch, resolved after recovery, no Alert",
        "offline" => $"injected: {OfflineFrom:yyyy-MM-dd} to {OfflineFrom.AddDays(2):yyyy-MM-dd} with no data at all (box dark); expected: data_gap Notice then Watch, resolved when data returns, no production warning",
        _ => "the year as recorded: each warning is listed with its evidence (a false one is a warning the data does not bear out)",
    };

    private double Inject(DateOnly date, double kw, EnterpriseCalendar calendar) => scenario switch
    {
        "halt" when date >= HaltFrom && date < HaltFrom.AddDays(5) => Math.Min(kw, HaltedKw),
        "decline" when date >= DeclineFrom && date < DeclineFrom.AddDays(19) && calendar.ScheduledHours(date) > 0 => kw * 0.6,
        _ => kw,
    };

    private int Verdict(List<WarningRecord> all)
    {
        string[] expected = scenario switch
        {
            "halt" => [WarningCauses.ProductionHalted],
            "decline" => [WarningCauses.SharpDecline],
            "offline" => [WarningCauses.DataGap],
            _ => [],
        };
        // Warnings that start far from the injected days belong to the recorded year (see --scenario none), not to the injection.
        var (from, to) = scenario switch
        {
            "halt" => (HaltFrom, HaltFrom.AddDays(4)),
            "decline" => (DeclineFrom, DeclineFrom.AddDays(18)),
            _ => (OfflineFrom, OfflineFrom.AddDays(2)),
        };
        var recorded = all.Where(w => DateOnly.Parse(w.FirstDay!, Inv) < from.AddDays(-7) || DateOnly.Parse(w.FirstDay!, Inv) > to.AddDays(30)).ToList();
        if (recorded.Count > 0)
        {
            Console.WriteLine($"not counted (they start away from the injected days, as on the recorded year): {string.Join(", ", recorded.Select(w => $"{w.Cause} {w.FirstDay}..{w.LastDay}"))}");
        }

        all = all.Except(recorded).ToList();
        var unexpected = all.Where(w => !expected.Contains(w.Cause)).ToList();
        var missing = expected.Where(c => all.All(w => w.Cause != c)).ToList();
        var unresolved = all.Where(w => w.Status != "resolved").ToList();
        Console.WriteLine();
        if (expected.Length == 0)
        {
            // Nobody knows the truth of the recorded year: each warning is listed above with its evidence, to be judged.
            Console.WriteLine($"INFO  warnings on the recorded year: {all.Count}{(all.Count == 0 ? string.Empty : " (" + string.Join(", ", all.Select(w => $"{w.Cause} {w.FirstDay}..{w.LastDay}")) + ")")}");
            return 0;
        }

        Console.WriteLine(unexpected.Count == 0 && missing.Count == 0 && unresolved.Count == 0
            ? $"PASS  {(expected.Length == 0 ? "no warning on the recorded year" : "expected warning raised and resolved, nothing else")}"
            : $"FAIL  unexpected {unexpected.Count} ({string.Join(", ", unexpected.Select(w => w.Cause))}), missing {string.Join(", ", missing)}, unresolved {unresolved.Count}");
        return 0;
    }

    private static Signal Make(DateTimeOffset start, string source, SignalKind kind, double value) => new()
    {
        Start = start,
        End = start.AddMinutes(15),
        Source = source,
        Kind = kind,
        Value = value,
        Unit = SignalVocabulary.UnitOf(kind),
        Quality = SignalQuality.Good,
    };
}
