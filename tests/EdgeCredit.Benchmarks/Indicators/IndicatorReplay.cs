using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Benchmarks.State;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Protocol;

namespace EdgeCredit.Benchmarks.Indicators;

/// <summary>
/// Replays a real series of <c>../shared/data/energy/</c> through the collector as protocol signal batches, recomputes
/// the daily indicators from the rollups and prints them, with a summary against the reference figures of
/// <c>../shared/data/README.md</c> (Steel).
/// </summary>
internal sealed class IndicatorReplay(string series)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public async Task<int> RunAsync()
    {
        switch (series)
        {
            case "steel":
                await SteelAsync();
                return 0;
            case "cnc":
                await CncAsync();
                return 0;
            default:
                Console.WriteLine("usage: indicators-replay --series steel|cnc");
                return 2;
        }
    }

    private static async Task SteelAsync()
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var rows = EnergyData.Steel();
        var enterprise = new EnterpriseOptions { Id = "daewoo-steel", Name = "DAEWOO Steel (UCI data set)", TimeZone = "Asia/Seoul", Industry = "steel", OperatingPowerKw = 80, Calendar = { Holidays = "kr" } };
        enterprise.Calendar.Shifts.Add(new ShiftOptions { Start = "08:00", End = "20:00" });
        var first = ToUtc(rows[0].Start, seoul);
        await using var collector = new ReplayCollector(enterprise, "steel-gw", first);
        await collector.StartAsync();
        var clock = Stopwatch.StartNew();
        var signals = 0;
        foreach (var day in rows.GroupBy(r => r.Start.Date))
        {
            var batch = new List<Signal>();
            foreach (var row in day)
            {
                var start = ToUtc(row.Start, seoul);
                batch.Add(Make(start, TimeSpan.FromMinutes(15), "plant-meter", SignalKind.Energy, Math.Round(row.Kilowatts / 4, 4), "kWh"));
                batch.Add(Make(start, TimeSpan.FromMinutes(15), "plant-meter", SignalKind.PowerAvg, Math.Round(row.Kilowatts, 4), "kW"));
            }

            signals += batch.Count;
            await collector.SubmitAsync(batch);
        }

        var (stored, other) = await collector.DrainAsync();
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var written = await collector.Engine.RecomputeDirtyAsync(CancellationToken.None);
        var recomputeSeconds = clock.Elapsed.TotalSeconds;
        var days = await collector.Store.ReadStoredAsync(collector.Enterprise, new DateOnly(2018, 1, 1), new DateOnly(2018, 12, 31), CancellationToken.None);

        // Reference at the data's own resolution: hours of 15-minute windows above 80 kW per local day.
        var exact = rows.GroupBy(r => DateOnly.FromDateTime(r.Start)).ToDictionary(g => g.Key, g => (Hours: g.Count(r => r.Kilowatts > 80) * 0.25, Kwh: g.Sum(r => r.Kilowatts / 4)));
        Console.WriteLine($"Steel_industry_data.csv: {rows.Count} rows (15-min, the 0:00 row is the end of its day) -> {stored} batches stored ({other} not), {signals} signals (energy kWh and power_avg = kWh x 4 from source plant-meter)");
        Console.WriteLine(string.Create(Inv, $"ingest through SignalIngestor + IngestWriter (SQLite, synchronous=Normal): {ingestSeconds:F1} s; rollup rows {collector.Scalar("SELECT count(*) FROM rollups_hourly")}; recompute of {written} dirty days from rollups: {recomputeSeconds:F2} s"));
        Console.WriteLine("enterprise daewoo-steel: Asia/Seoul, calendar kr (2018), Mon-Fri, one shift 08:00-20:00, OperatingPowerKw 80");
        Console.WriteLine();
        PrintTable(days, d => exact.TryGetValue(d, out var e) ? e.Hours : null);
        Console.WriteLine();
        Summarise(days, exact);
    }

    private static void Summarise(List<DailyIndicators> days, Dictionary<DateOnly, (double Hours, double Kwh)> exact)
    {
        // The reference's "weekday" is the data set's WeekStatus: Monday to Friday, holidays included.
        var weekday = days.Where(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var weekend = days.Where(d => d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        // Medians average the two middle values of an even count (as the reference does); p10/p90 are nearest-rank.
        static double P(IEnumerable<double?> values, double p)
        {
            var list = values.Select(v => v ?? double.NaN).Where(double.IsFinite).Order().ToList();
            return p == 50 && list.Count % 2 == 0 && list.Count > 0 ? (list[(list.Count / 2) - 1] + list[list.Count / 2]) / 2 : Percentiles.Of(list, p);
        }

        Console.WriteLine("summary (collector indicators vs the reference figures of ../shared/data/README.md):");
        Console.WriteLine(string.Create(Inv, $"  weekday kWh/day   median {P(weekday.Select(d => d.EnergyKwh), 50),7:N0}  p10 {P(weekday.Select(d => d.EnergyKwh), 10),7:N0}  p90 {P(weekday.Select(d => d.EnergyKwh), 90),7:N0}   reference 3,119 / 2,140 / 4,683"));
        Console.WriteLine(string.Create(Inv, $"  weekday hours     median {P(weekday.Select(d => d.OperatingHours), 50),7:F2}  p10 {P(weekday.Select(d => d.OperatingHours), 10),7:F2}  p90 {P(weekday.Select(d => d.OperatingHours), 90),7:F2}   reference 12 / 9 / 15 (h above 80 kW)"));
        Console.WriteLine(string.Create(Inv, $"  weekend kWh/day   median {P(weekend.Select(d => d.EnergyKwh), 50),7:N0}   reference 769"));
        Console.WriteLine(string.Create(Inv, $"  weekend hours     median {P(weekend.Select(d => d.OperatingHours), 50),7:F2}   reference 3.6"));
        Console.WriteLine(string.Create(Inv, $"  year              {days.Sum(d => d.EnergyKwh ?? 0) / 1000:N1} MWh   reference 960 MWh"));
        var errors = days.Where(d => d.OperatingHours is not null && exact.ContainsKey(d.Date)).Select(d => d.OperatingHours!.Value - exact[d.Date].Hours).ToList();
        Console.WriteLine(string.Create(Inv, $"  operating hours from hourly rollups vs 15-min windows above 80 kW, per day: mean error {errors.Average():+0.00;-0.00} h, mean |error| {errors.Average(Math.Abs):F2} h, worst {errors.MaxBy(Math.Abs):+0.00;-0.00} h, p95 |error| {Percentiles.Of([.. errors.Select(Math.Abs)], 95):F2} h"));
        var kwhError = days.Where(d => exact.ContainsKey(d.Date)).Max(d => Math.Abs((d.EnergyKwh ?? 0) - exact[d.Date].Kwh));
        Console.WriteLine(string.Create(Inv, $"  energy per day vs the CSV: largest difference {kwhError:F3} kWh"));
        Console.WriteLine($"  day types: {string.Join(", ", days.GroupBy(d => d.DayType).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}; coverage < 1 on {days.Count(d => d.Coverage < 0.999)} days");
        Console.WriteLine($"  holidays: {string.Join("; ", days.Where(d => d.DayType == DayType.Holiday).Select(d => string.Create(Inv, $"{d.Date:MM-dd} {d.DayName} {d.OperatingHours:F1} h {d.EnergyKwh:N0} kWh")))}");
        var trends = days.Where(d => d.OperatingHoursTrend is not null).ToList();
        Console.WriteLine(string.Create(Inv, $"  trend given on {trends.Count} days (baseline days median {Percentiles.Of([.. trends.Select(d => (double)d.OperatingHoursTrend!.BaselineDays)], 50)}); workday hours ratio p10 {P(trends.Where(d => d.DayType == DayType.Workday).Select(d => d.OperatingHoursTrend!.Ratio), 10):F2}, p90 {P(trends.Where(d => d.DayType == DayType.Workday).Select(d => d.OperatingHoursTrend!.Ratio), 90):F2}"));
    }

    private static async Task CncAsync()
    {
        var lines = File.ReadAllLines(Path.Combine(EnergyData.Directory, "cnc_machine_spindle_power_1s.csv"));
        var header = lines[0].Split(',');
        int time = Array.IndexOf(header, "time"), kw = Array.IndexOf(header, "kW_machine"), kwh = Array.IndexOf(header, "kWh_machine"), rpm = Array.IndexOf(header, "RPM");
        var samples = lines.Skip(1).Select(l => l.Split(',')).Select(f => (
            At: new DateTimeOffset(DateTime.ParseExact(f[time], "yyyy-MM-dd HH:mm:ss", Inv), TimeSpan.Zero),
            Kw: double.Parse(f[kw], Inv),
            Kwh: double.Parse(f[kwh], Inv),
            Rpm: double.Parse(f[rpm], Inv))).OrderBy(s => s.At).ToList();
        var enterprise = new EnterpriseOptions { Id = "cnc-shop", Name = "CNC machine (public MIT data set)", TimeZone = "UTC", Industry = "machining" };
        await using var collector = new ReplayCollector(enterprise, "cnc-gw", samples[0].At);
        await collector.StartAsync();

        // 1-minute windows: each covers the seconds that have samples (start of the first, end of the last + 1 s).
        // Energy is the kWh counter's delta between consecutive samples at most 5 s apart; longer gaps are missing data.
        var signals = 0;
        var gapsDropped = 0;
        var batch = new List<Signal>();
        foreach (var minute in samples.Select((s, i) => (s, i)).GroupBy(x => x.s.At.AddSeconds(-x.s.At.Second)))
        {
            var list = minute.ToList();
            var start = list[0].s.At;
            var end = list[^1].s.At.AddSeconds(1);
            double energy = 0;
            foreach (var (s, i) in list)
            {
                if (i > 0 && (s.At - samples[i - 1].At).TotalSeconds <= 5)
                {
                    energy += Math.Max(0, s.Kwh - samples[i - 1].Kwh);
                }
                else if (i > 0)
                {
                    gapsDropped++;
                }
            }

            var length = end - start;
            batch.Add(Make(start, length, "cnc-meter", SignalKind.Energy, Math.Round(energy, 6), "kWh"));
            batch.Add(Make(start, length, "cnc-meter", SignalKind.PowerAvg, Math.Round(list.Average(x => x.s.Kw), 4), "kW"));
            batch.Add(Make(start, length, "cnc-spindle", SignalKind.RunningSeconds, list.Count(x => x.s.Rpm > 0), "s"));
            if (batch.Count >= 30)
            {
                signals += batch.Count;
                await collector.SubmitAsync(batch);
                batch = [];
            }
        }

        if (batch.Count > 0)
        {
            signals += batch.Count;
            await collector.SubmitAsync(batch);
        }

        var (stored, other) = await collector.DrainAsync();
        await collector.Engine.RecomputeDirtyAsync(CancellationToken.None);
        var days = await collector.Store.ReadStoredAsync(collector.Enterprise, DateOnly.FromDateTime(samples[0].At.UtcDateTime), DateOnly.FromDateTime(samples[^1].At.UtcDateTime), CancellationToken.None);
        Console.WriteLine($"cnc_machine_spindle_power_1s.csv: {samples.Count} one-second samples -> 1-min windows, {signals} signals in {stored} batches ({other} not stored); {gapsDropped} counter deltas across gaps > 5 s left out");
        Console.WriteLine("enterprise cnc-shop: UTC (the data set gives no zone), default calendar; sources cnc-meter (energy from kWh_machine deltas, power_avg) and cnc-spindle (running_seconds = samples with RPM > 0)");
        PrintTable(days, _ => null);
        foreach (var day in days)
        {
            var truth = samples.Where(s => DateOnly.FromDateTime(s.At.UtcDateTime) == day.Date).ToList();
            Console.WriteLine(string.Create(Inv, $"  {day.Date:yyyy-MM-dd}: samples {truth.Count} ({truth.Count / 3600.0:F3} h reported), RPM>0 {truth.Count(s => s.Rpm > 0) / 3600.0:F3} h vs operating {day.OperatingHours:F3} h; counter {truth[^1].Kwh - truth[0].Kwh:F3} kWh first-to-last vs energy {day.EnergyKwh:F3} kWh"));
            foreach (var source in day.Sources)
            {
                Console.WriteLine(string.Create(Inv, $"    {source.Source}: reported {source.ReportedHours:F3} h, coverage {source.Coverage:P1}, operating {source.OperatingHours:F3} h ({source.OperatingBasis ?? "-"}), energy {source.EnergyKwh:F3} kWh"));
            }
        }
    }

    private static void PrintTable(List<DailyIndicators> days, Func<DateOnly, double?> reference)
    {
        Console.WriteLine("date        dow  type           cover  oper_h  ref_h   util   kWh      kWh/unit  trend_h (n)   trend_kWh (n)  name");
        foreach (var d in days)
        {
            Console.WriteLine(string.Create(Inv,
                $"{d.Date:yyyy-MM-dd}  {d.Date.DayOfWeek.ToString()[..3]}  {d.DayType,-13}  {d.Coverage,5:F3}  {Num(d.OperatingHours, 6, "F2")}  {Num(reference(d.Date), 5, "F2")}  {Num(d.Utilization, 5, "F2")}  {Num(d.EnergyKwh, 8, "F1")}  {Num(d.KwhPerUnit, 8, "F2")}  {Tr(d.OperatingHoursTrend),-12}  {Tr(d.EnergyTrend),-13}  {d.DayName}"));
        }
    }

    private static string Num(double? value, int width, string format) => (value is { } v ? v.ToString(format, Inv) : "null").PadLeft(width);

    private static string Tr(Trend? trend) => trend is null ? "null" : string.Create(Inv, $"{trend.Ratio:F2} ({trend.BaselineDays})");

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) => new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);

    private static Signal Make(DateTimeOffset start, TimeSpan length, string source, SignalKind kind, double value, string unit) =>
        new() { Start = start, End = start + length, Source = source, Kind = kind, Value = value, Unit = unit, Quality = SignalQuality.Good };
}
