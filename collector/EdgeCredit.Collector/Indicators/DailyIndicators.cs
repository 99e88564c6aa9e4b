using EdgeCredit.Collector.Calendars;

namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// The operating indicators of one enterprise for one local day. A null value means no source reported what it needs
/// (missing is never zero); <see cref="Coverage"/> says how much of the day the expected sources reported. The exact
/// definitions are in the collector README ("Indicators").
/// </summary>
internal sealed record DailyIndicators(
    string Enterprise,
    DateOnly Date,
    DayType DayType,
    string? DayName,
    DateTimeOffset Start,
    double DayHours,
    double ScheduledHours,
    double Coverage,
    int ExpectedSources,
    int ReportingSources,
    double? OperatingHours,
    double? Utilization,
    double? Output,
    double? EnergyKwh,
    double? KwhPerUnit,
    double? Activity,
    double? PeopleHours,
    double? CameraHealthy,
    Trend? OperatingHoursTrend,
    Trend? EnergyTrend,
    IReadOnlyList<SourceDay> Sources)
{
    /// <summary>Camera conditions that started this local day (from the events table), by condition: offline, dark, covered, ...</summary>
    public IReadOnlyDictionary<string, int> CameraConditionsStarted { get; init; } = Empty;

    private static IReadOnlyDictionary<string, int> Empty { get; } = new Dictionary<string, int>();
}
