using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Benchmarks.Indicators;

/// <summary>
/// Recomputes every daily indicator of N enterprises x D days from rollups held in memory (as one sequential read of
/// the rollup table would deliver them), single-threaded, and prints seconds, rows/s and memory. Two inputs:
/// (1) per-source daily totals (the folded rollups: what a recompute of trends, coverage and ratios needs) and
/// (2) the hourly rollups themselves (fold + compute). Synthesising the input is not timed.
/// </summary>
internal sealed class IndicatorBenchmark(int enterprises, int days, int sqliteEnterprises, bool hourly)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly DateOnly First = new(2026, 8, 28);

    public async Task RunAsync()
    {
        var last = First.AddDays(days - 1);
        var settings = Enumerable.Range(0, enterprises).Select(Settings).ToArray();
        Console.WriteLine($"indicators-bench: {enterprises:N0} enterprises x {days} days, 3 sources each (machine: running_seconds, energy, output_count; meter: energy, power_avg; camera: activity_index, people_present); time zones Asia/Shanghai (cn calendar), Europe/Berlin, UTC in turn; single thread; {Environment.ProcessorCount} cores (shared)");

        // (1) From per-source daily totals. Each enterprise's input is made just before its compute (not timed), as a
        // one-pass read would hand over one enterprise after another; a huge pre-built input graph would mostly
        // measure cache misses and GC marking of data the collector never holds at once.
        for (var e = 0; e < Math.Min(enterprises, 2000); e++)
        {
            // Warm-up (not timed): let the JIT reach optimised code first, as in a collector that has been running.
            IndicatorCalculator.Compute(settings[e], DailyTotals(settings[e], last), First, First, last, BaselineRules.Default);
            var warm = new RollupFolder(settings[e]);
            foreach (var row in HourlyRollups(settings[e], First.AddDays(2)))
            {
                warm.Add(row);
            }

            warm.Flush();
        }

        GC.Collect();
        var rows = 0L;
        var allocated = 0L;
        var computeTime = TimeSpan.Zero;
        for (var e = 0; e < enterprises; e++)
        {
            var input = DailyTotals(settings[e], last);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            rows += IndicatorCalculator.Compute(settings[e], input, First, First, last, BaselineRules.Default).Count;
            computeTime += Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var seconds = computeTime.TotalSeconds;
        Print("from daily source totals", rows, seconds, allocated);
        Console.WriteLine(string.Create(Inv, $"    (sum of the per-enterprise compute times; load average now {LoadAverage()}: wall times are inflated when other work shares the 2 cores)"));
        GC.Collect();

        // (1b) The same, then what a profile adds: each day's operating state and cross-checks, and the profile document
        // (summaries, trend, score) and its JSON. Indicators and profiles timed separately and together.
        var rules = new EdgeCredit.Collector.Warnings.WarningRules();
        var noTamper = new Dictionary<DateOnly, double>();
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        for (var e = 0; e < Math.Min(enterprises, 2000); e++)
        {
            var warmDays = IndicatorCalculator.Compute(settings[e], DailyTotals(settings[e], last), First, First, last, BaselineRules.Default);
            ProfileOf(settings[e], warmDays, rules, noTamper, json);
        }

        // Three passes: the first still runs partly on code the JIT has not optimised yet (tiered compilation promotes hot
        // methods, including the framework's ready-to-run code, in the background); a collector that has been running
        // is in the state of the later passes.
        for (var pass = 1; pass <= 3; pass++)
        {
            GC.Collect();
            var gc = GcMark.Now();
            var indicatorTime = TimeSpan.Zero;
            var profileTime = TimeSpan.Zero;
            var bytes = 0L;
            for (var e = 0; e < enterprises; e++)
            {
                var input = DailyTotals(settings[e], last);
                var start = ThreadCpu.Now();
                var computed = IndicatorCalculator.Compute(settings[e], input, First, First, last, BaselineRules.Default);
                var middle = ThreadCpu.Now();
                bytes += ProfileOf(settings[e], computed, rules, noTamper, json);
                var end = ThreadCpu.Now();
                profileTime += end - middle;
                indicatorTime += middle - start;
            }

            var both = (indicatorTime + profileTime).TotalSeconds;
            Console.WriteLine(string.Create(Inv, $"  pass {pass}: indicators + profiles from daily source totals, one thread, CPU time of the thread: indicators {indicatorTime.TotalSeconds:F3} s, operating state + profile + JSON {profileTime.TotalSeconds:F3} s ({bytes / (double)enterprises / 1024:F1} KiB per profile); together {both:F3} s for {enterprises:N0} enterprises; goal < 1 s: {(both < 1 ? "PASS" : "FAIL")}"));
            Console.WriteLine(string.Create(Inv, $"    garbage collection during the pass (input synthesis included): {GcMark.Now().Since(gc)}"));
        }

        Parallel(settings, last, rules, noTamper, json);
        GC.Collect();

        if (hourly)
        {
            FromHourly(settings, last);
        }

        if (sqliteEnterprises > 0)
        {
            await SqliteAsync(Math.Min(enterprises, sqliteEnterprises), last);
        }

        Console.WriteLine(string.Create(Inv, $"  process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB"));
    }

    /// <summary>(2) From hourly rollups: fold then compute; each enterprise's rows are generated just before (not timed).</summary>
    private void FromHourly(EnterpriseSettings[] settings, DateOnly last)
    {
        var rows = 0L;
        var hourlyRows = 0L;
        var timed = TimeSpan.Zero;
        var allocated = 0L;
        for (var e = 0; e < enterprises; e++)
        {
            var hourly = HourlyRollups(settings[e], last);
            hourlyRows += hourly.Length;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var folder = new RollupFolder(settings[e]);
            foreach (ref readonly var row in hourly.AsSpan())
            {
                folder.Add(row);
            }

            folder.Flush();
            rows += IndicatorCalculator.Compute(settings[e], folder.Days, First, First, last, BaselineRules.Default).Count;
            timed += Stopwatch.GetElapsedTime(start);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Print(string.Create(Inv, $"from {hourlyRows:N0} hourly rollup rows (fold + compute)"), rows, timed.TotalSeconds, allocated);
    }

    /// <summary>
    /// (1c) The same work on every core: enterprises in chunks of 1,000 whose input is made first (not timed), then
    /// computed by one worker per core (timed by the wall clock; the machine's other load stretches it).
    /// </summary>
    private void Parallel(EnterpriseSettings[] settings, DateOnly last, EdgeCredit.Collector.Warnings.WarningRules rules, Dictionary<DateOnly, double> tamper, System.Text.Json.JsonSerializerOptions json)
    {
        const int Chunk = 1000;
        var workers = Environment.ProcessorCount;
        for (var pass = 1; pass <= 2; pass++)
        {
            GC.Collect();
            var wall = TimeSpan.Zero;
            var cpu = 0L;
            for (var first = 0; first < enterprises; first += Chunk)
            {
                var count = Math.Min(Chunk, enterprises - first);
                var inputs = new Dictionary<DateOnly, Dictionary<string, SourceTotals>>[count];
                for (var i = 0; i < count; i++)
                {
                    inputs[i] = DailyTotals(settings[first + i], last);
                }

                var start = Stopwatch.GetTimestamp();
                System.Threading.Tasks.Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
                {
                    var before = ThreadCpu.Now();
                    for (var i = worker; i < count; i += workers)
                    {
                        var computed = IndicatorCalculator.Compute(settings[first + i], inputs[i], First, First, last, BaselineRules.Default);
                        ProfileOf(settings[first + i], computed, rules, tamper, json);
                    }

                    Interlocked.Add(ref cpu, (ThreadCpu.Now() - before).Ticks);
                });
                wall += Stopwatch.GetElapsedTime(start);
            }

            Console.WriteLine(string.Create(Inv, $"  pass {pass} on {workers} workers (one per core; input made per chunk of {Chunk:N0} enterprises, not timed): indicators + profiles for {enterprises:N0} enterprises in {wall.TotalSeconds:F3} s wall clock (CPU {TimeSpan.FromTicks(cpu).TotalSeconds:F3} s over the workers; load average {LoadAverage()}); goal < 1 s: {(wall.TotalSeconds < 1 ? "PASS" : "FAIL")}"));
        }
    }

    /// <summary>(3) End to end for a sample: hourly rollups in a real SQLite file, read per enterprise by the engine, folded and computed.</summary>
    private static async Task SqliteAsync(int count, DateOnly last)
    {
        using var dir = new EdgeCredit.Testing.Infrastructure.TempDirectory("bench-indicators");
        var registry = new RegistryOptions();
        var database = new CollectorDatabase(Options.Create(new StorageOptions { Path = Path.Combine(dir.Path, "collector.db"), Synchronous = SynchronousMode.Normal }));
        var rows = 0L;
        using (var connection = database.Open())
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO rollups_hourly VALUES ($e, $h, $s, $k, $sum, $w, $n, $min, $max, $cov, 0, 0)";
            var p = new[] { "$e", "$h", "$s", "$k", "$sum", "$w", "$n", "$min", "$max", "$cov" }.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
            insert.Prepare();
            for (var e = 0; e < count; e++)
            {
                var settings = Settings(e);
                registry.Enterprises.Add(new EnterpriseOptions { Id = settings.Id, TimeZone = settings.Calendar.Zone.Id, Calendar = { Holidays = e % 3 == 0 ? "cn" : null } });
                foreach (var row in HourlyRollups(settings, last))
                {
                    p[0].Value = settings.Id;
                    p[1].Value = row.HourMs;
                    p[2].Value = row.Source;
                    p[3].Value = SignalVocabulary.WireName(row.Kind);
                    p[4].Value = row.Sum;
                    p[5].Value = row.Weighted;
                    p[6].Value = row.Count;
                    p[7].Value = row.Min;
                    p[8].Value = row.Max;
                    p[9].Value = row.Covered;
                    insert.ExecuteNonQuery();
                    rows++;
                }
            }

            transaction.Commit();
        }

        var engine = new IndicatorEngine(new IndicatorStore(database), new EnterpriseCalendars(Options.Create(registry)), Options.Create(new IndicatorOptions()), TimeProvider.System);
        await engine.ComputeAsync(registry.Enterprises[0].Id!, First, last, CancellationToken.None);
        var computed = 0L;
        var clock = Stopwatch.StartNew();
        foreach (var enterprise in registry.Enterprises)
        {
            computed += (await engine.ComputeAsync(enterprise.Id!, First, last, CancellationToken.None)).Count;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(Inv, $"  end to end from SQLite (sample of {count} enterprises, {rows:N0} hourly rollup rows in rollups_hourly): {computed:N0} days in {seconds:F2} s = {computed / seconds:N0} rows/s, {seconds / count * 1000:F1} ms per enterprise -> about {seconds / count * 10_000:F0} s for 10,000 enterprises"));
        SqliteConnection.ClearAllPools();
    }

    /// <summary>What the profile service does with an enterprise's indicators (operating state, profile, JSON; the warning rules are the warning service's); returns the document's size.</summary>
    private static long ProfileOf(EnterpriseSettings settings, List<DailyIndicators> days, EdgeCredit.Collector.Warnings.WarningRules rules, Dictionary<DateOnly, double> tamper, System.Text.Json.JsonSerializerOptions json)
    {
        var assessed = EdgeCredit.Collector.Operations.OperatingStateClassifier.Assess(days, tamper, rules);
        var profile = EdgeCredit.Collector.Profiles.ProfileBuilder.Build(
            new EdgeCredit.Collector.Profiles.ProfileIdentity(settings.Id, settings.Id, settings.Industry, settings.Calendar.Zone.Id), assessed, [], [], DateTimeOffset.UnixEpoch);
        return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(profile, EdgeCredit.Collector.Profiles.ProfileJson.Default.CreditProfile).LongLength;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static void Print(string what, long rows, double seconds, long allocated) =>
        Console.WriteLine(string.Create(Inv, $"  {what}: {rows:N0} daily indicator rows in {seconds:F3} s = {rows / seconds:N0} rows/s; allocated {allocated / 1048576.0:N0} MiB; goal < 1 s: {(seconds < 1 ? "PASS" : "FAIL")}"));

    private static EnterpriseSettings Settings(int index)
    {
        var options = new EnterpriseOptions { Id = $"ent-{index:D5}", TimeZone = (index % 3) switch { 0 => "Asia/Shanghai", 1 => "Europe/Berlin", _ => "UTC" } };
        if (index % 3 == 0)
        {
            options.Calendar.Holidays = "cn";
        }

        return EnterpriseCalendars.Build(options);
    }

    private static Dictionary<DateOnly, Dictionary<string, SourceTotals>> DailyTotals(EnterpriseSettings settings, DateOnly last)
    {
        var random = new Random(settings.Id.GetHashCode(StringComparison.Ordinal));
        var result = new Dictionary<DateOnly, Dictionary<string, SourceTotals>>();
        for (var d = First; d <= last; d = d.AddDays(1))
        {
            var working = settings.Calendar.TypeOf(d) is DayType.Workday or DayType.MakeUpWorkday;
            var hours = working ? 6 + (random.NextDouble() * 6) : random.NextDouble() * 2;
            var covered = random.NextDouble() < 0.05 ? 40_000 : 86_400.0;
            result[d] = new Dictionary<string, SourceTotals>(StringComparer.Ordinal)
            {
                ["machine-1"] = new() { CoveredSeconds = covered, RunningSeconds = hours * 3600, EnergyKwh = hours * 40, Output = Math.Round(hours * 100) },
                ["meter-1"] = new() { CoveredSeconds = covered, EnergyKwh = 100 + (hours * 45), PowerKwSeconds = (100 + (hours * 45)) * 3600 },
                ["cam-1"] = new() { CoveredSeconds = 86_400, ActivityWeighted = hours / 24 * 86_400, ActivityCovered = 86_400, PeopleSeconds = hours * 3 * 3600 },
            };
        }

        return result;
    }

    private static RollupRecord[] HourlyRollups(EnterpriseSettings settings, DateOnly last)
    {
        var random = new Random(settings.Id.GetHashCode(StringComparison.Ordinal));
        var start = settings.Calendar.DayStartMs(First);
        var end = settings.Calendar.DayStartMs(last.AddDays(1));
        var rows = new List<RollupRecord>((int)((end - start) / 3_600_000 * 7));
        for (var hour = start; hour < end; hour += 3_600_000)
        {
            var running = random.NextDouble() < 0.5 ? 3600.0 : 0;
            var kw = running > 0 ? 150 : 10;
            rows.Add(new RollupRecord(hour, "cam-1", SignalKind.ActivityIndex, 30, running / 3600 * 3600, 60, 0, 1, 3600, 0));
            rows.Add(new RollupRecord(hour, "cam-1", SignalKind.PeoplePresent, 120, 2 * 3600, 60, 2, 2, 3600, 0));
            rows.Add(new RollupRecord(hour, "machine-1", SignalKind.Energy, kw * 0.8, kw * 0.8 * 60, 60, kw / 75.0, kw / 75.0, 3600, 0));
            rows.Add(new RollupRecord(hour, "machine-1", SignalKind.OutputCount, running / 36, running / 36 * 60, 60, 0, 3, 3600, 0));
            rows.Add(new RollupRecord(hour, "machine-1", SignalKind.RunningSeconds, running, running * 60, 60, 0, 60, 3600, 0));
            rows.Add(new RollupRecord(hour, "meter-1", SignalKind.Energy, kw, kw * 60, 60, kw / 60.0, kw / 60.0, 3600, 0));
            rows.Add(new RollupRecord(hour, "meter-1", SignalKind.PowerAvg, kw * 60, kw * 3600, 60, kw, kw, 3600, 0));
        }

        return [.. rows];
    }
}
