using System.Globalization;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Protocol;
using static EdgeCredit.Collector.Tests.Indicators.IndicatorHarness;

namespace EdgeCredit.Collector.Tests.Indicators;

/// <summary>
/// The first two weeks of the real Steel plant series (<c>../shared/data/energy/Steel_industry_data.csv</c>, UCI, Korea)
/// through the ingest path; daily indicators from the hourly rollups against figures computed here from the CSV.
/// </summary>
public sealed class SteelReplayTests
{
    /// <summary>
    /// Operating hours come from hourly rollups (the two-level estimate in RollupFolder), the reference counts
    /// 15-minute windows above 80 kW. Over the whole year (indicators-replay --series steel) the per-day difference
    /// was at most 0.48 h with p95 0.23 h: one straddling hour can be off by under an hour only if its windows are far
    /// from two levels, and a day has few such hours. 0.5 h keeps a margin over the worst day seen in the year.
    /// </summary>
    private const double HoursTolerance = 0.5;

    [Fact]
    public async Task Replay_SteelFirstTwoWeeks_OperatingHoursAndEnergyMatchTheCsv()
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        var rows = ReadSteel().Where(r => r.Start < new DateTime(2018, 1, 15)).ToList();
        var first = Utc(rows[0].Start, seoul);
        await using var h = await StartAsync(first, "Asia/Seoul", e =>
        {
            e.OperatingPowerKw = 80;
            e.Calendar.Holidays = "kr";
        });
        foreach (var day in rows.GroupBy(r => r.Start.Date))
        {
            await h.SendAsync([.. day.SelectMany(r => new[]
            {
                Signal(Utc(r.Start, seoul), TimeSpan.FromMinutes(15), "plant-meter", SignalKind.Energy, r.Kwh),
                Signal(Utc(r.Start, seoul), TimeSpan.FromMinutes(15), "plant-meter", SignalKind.PowerAvg, r.Kwh * 4),
            })]);
        }

        var days = await h.Engine.ComputeAsync(TestBatches.Enterprise, new DateOnly(2018, 1, 1), new DateOnly(2018, 1, 14), CancellationToken.None);

        Assert.Equal(14, days.Count);
        foreach (var day in days)
        {
            var csv = rows.Where(r => DateOnly.FromDateTime(r.Start) == day.Date).ToList();
            var above80 = csv.Count(r => r.Kwh * 4 > 80) * 0.25;
            Assert.Equal(96, csv.Count);
            Assert.Equal(1, day.Coverage, 9);
            Assert.Equal(csv.Sum(r => r.Kwh), day.EnergyKwh!.Value, 6);
            Assert.InRange(day.OperatingHours!.Value, above80 - HoursTolerance, above80 + HoursTolerance);
        }

        // Known days: New Year's Day idle (a holiday), 4 January (a Thursday) 12 h above 80 kW, the weekends quiet.
        Assert.Equal(DayType.Holiday, days[0].DayType);
        Assert.Equal(0, days[0].OperatingHours);
        Assert.Equal(12, days[3].OperatingHours!.Value, 1);
        Assert.All(days.Where(d => d.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday), d => Assert.Equal(DayType.Weekend, d.DayType));
        Assert.All(days.Where(d => d.DayType == DayType.Workday), d => Assert.InRange(d.OperatingHours!.Value, 8, 16));
    }

    private static DateTimeOffset Utc(DateTime local, TimeZoneInfo zone) => new(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);

    /// <summary>The CSV's rows as (start, kWh): a row stamps the END of its 15 minutes, and <c>dd/mm/yyyy 0:00</c> is 24:00 of that day.</summary>
    private static List<(DateTime Start, double Kwh)> ReadSteel()
    {
        var rows = new List<(DateTime, double)>();
        foreach (var line in File.ReadLines(Path.Combine(EnergyDirectory(), "Steel_industry_data.csv")).Skip(1))
        {
            var f = line.Split(',');
            var stamp = DateTime.ParseExact(f[0], "dd/MM/yyyy H:mm", CultureInfo.InvariantCulture);
            if (stamp.TimeOfDay == TimeSpan.Zero)
            {
                stamp = stamp.AddDays(1);
            }

            rows.Add((stamp.AddMinutes(-15), double.Parse(f[1], CultureInfo.InvariantCulture)));
        }

        rows.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return rows;
    }

    /// <summary><c>../shared/data/energy</c> beside the repository root (the folder that holds EdgeCredit.sln), as the benchmarks find it.</summary>
    private static string EnergyDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeCredit.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "energy"));
            }
        }

        throw new DirectoryNotFoundException("EdgeCredit.sln not found above " + AppContext.BaseDirectory);
    }
}
