using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Indicators;

namespace EdgeCredit.Collector.Tests.Indicators;

public sealed class BaselineTests
{
    private static readonly DateOnly First = new(2026, 8, 1);
    private static readonly DateOnly Target = new(2026, 11, 4); // a Wednesday

    [Fact]
    public void Compute_WednesdayTrend_UsesOnlyEarlierWednesdayWorkdays()
    {
        var days = Days(First, Target, d => d == Target ? 20 : d.DayOfWeek == DayOfWeek.Wednesday ? 10 : d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 5);

        var result = Assert.Single(IndicatorCalculator.Compute(Settings(), days, First, Target, Target, BaselineRules.Default));

        var trend = result.OperatingHoursTrend!;
        Assert.Equal(10, trend.BaselineMedian);
        Assert.Equal(2, trend.Ratio);
        Assert.Equal(12, trend.BaselineDays); // Wednesdays in the 90 days before 4 Nov: 12 Aug ... 28 Oct
        Assert.Equal(DayType.Workday, result.DayType);
    }

    [Fact]
    public void Compute_LowCoverageDays_LeftOutOfTheBaseline()
    {
        var days = Days(First, Target, d => d.DayOfWeek == DayOfWeek.Wednesday && d < new DateOnly(2026, 10, 1) ? 100 : 10, coverage: d => d.DayOfWeek == DayOfWeek.Wednesday && d < new DateOnly(2026, 10, 1) ? 0.5 : 1);

        var result = Assert.Single(IndicatorCalculator.Compute(Settings(), days, First, Target, Target, BaselineRules.Default));

        Assert.Equal(4, result.OperatingHoursTrend!.BaselineDays); // 7, 14, 21, 28 Oct
        Assert.Equal(10, result.OperatingHoursTrend.BaselineMedian);
    }

    [Fact]
    public void Compute_TooFewComparableDays_TrendNull()
    {
        var first = Target.AddDays(-21); // three earlier Wednesdays
        var days = Days(first, Target, _ => 8);

        var strict = Assert.Single(IndicatorCalculator.Compute(Settings(), days, first, Target, Target, BaselineRules.Default));
        var lenient = Assert.Single(IndicatorCalculator.Compute(Settings(), days, first, Target, Target, BaselineRules.Default with { MinBaselineDays = 3 }));

        Assert.Null(strict.OperatingHoursTrend);
        Assert.Null(strict.EnergyTrend);
        Assert.Equal(3, lenient.OperatingHoursTrend!.BaselineDays);
        Assert.Equal(1, lenient.OperatingHoursTrend.Ratio);
    }

    [Fact]
    public void Compute_HolidayOnAWednesday_NotInTheWednesdayBaseline()
    {
        var days = Days(First, Target, d => d == new DateOnly(2026, 10, 14) ? 0.5 : 10);
        var calendar = new EnterpriseCalendar(
            TimeZoneInfo.Utc,
            [new Shift(new TimeOnly(8, 0), new TimeOnly(17, 0))],
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            new Dictionary<DateOnly, string> { [new DateOnly(2026, 10, 14)] = "Test holiday" },
            new Dictionary<DateOnly, string>());

        var all = IndicatorCalculator.Compute(new EnterpriseSettings("ent", calendar, null, null), days, First, new DateOnly(2026, 10, 14), Target, BaselineRules.Default);

        Assert.Equal(DayType.Holiday, all[0].DayType);
        Assert.Null(all[0].Utilization);
        Assert.Equal(11, all[^1].OperatingHoursTrend!.BaselineDays);
        Assert.Equal(10, all[^1].OperatingHoursTrend!.BaselineMedian);
    }

    private static EnterpriseSettings Settings() => new("ent", EnterpriseCalendar.Default, null, null);

    private static Dictionary<DateOnly, Dictionary<string, SourceTotals>> Days(DateOnly first, DateOnly last, Func<DateOnly, double> hours, Func<DateOnly, double>? coverage = null)
    {
        var days = new Dictionary<DateOnly, Dictionary<string, SourceTotals>>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            days[d] = new Dictionary<string, SourceTotals>(StringComparer.Ordinal)
            {
                ["press-1"] = new SourceTotals { CoveredSeconds = 86_400 * (coverage?.Invoke(d) ?? 1), RunningSeconds = hours(d) * 3600, EnergyKwh = hours(d) * 50 },
            };
        }

        return days;
    }
}
