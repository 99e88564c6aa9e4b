using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Indicators;

namespace EdgeCredit.Collector.Operations;

/// <summary>
/// One enterprise's operating state on one local day, with the reasons (each naming the indicator, its value and the
/// threshold) and the cross-check flags. <see cref="Indicators"/> is the day it was judged from; <see cref="Basis"/> is
/// what else the judgement used, so the reasons can be worded again when someone reads them.
/// </summary>
internal sealed record DayAssessment(
    DateOnly Date,
    DayType DayType,
    OperatingState State,
    AssessmentBasis Basis,
    IReadOnlyList<IntegrityFlag> Flags,
    double TamperMinutes,
    DailyIndicators Indicators)
{
    private IReadOnlyList<string>? _reasons;

    /// <summary>Why the day got its state and flags, one sentence each (worded on first use: judging 10,000 enterprises x 90 days must not format millions of sentences nobody reads).</summary>
    public IReadOnlyList<string> Reasons => _reasons ??= OperatingStateClassifier.Explain(this);

    /// <summary>Shifts were scheduled: a day on which production is expected.</summary>
    public bool Scheduled => DayType is DayType.Workday or DayType.MakeUpWorkday;
}
