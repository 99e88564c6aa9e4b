using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Indicators;

namespace EdgeCredit.Collector.Operations;

/// <summary>
/// One enterprise's operating state on one local day, with the reasons (each naming the indicator, its value and the
/// threshold) and the cross-check flags. <see cref="Indicators"/> is the day it was judged from.
/// </summary>
internal sealed record DayAssessment(
    DateOnly Date,
    DayType DayType,
    OperatingState State,
    Lazy<IReadOnlyList<string>> Explanation,
    IReadOnlyList<IntegrityFlag> Flags,
    double TamperMinutes,
    DailyIndicators Indicators)
{
    /// <summary>Why the day got its state and flags, one sentence each (worded on first use).</summary>
    public IReadOnlyList<string> Reasons => Explanation.Value;

    /// <summary>Shifts were scheduled: a day on which production is expected.</summary>
    public bool Scheduled => DayType is DayType.Workday or DayType.MakeUpWorkday;
}
