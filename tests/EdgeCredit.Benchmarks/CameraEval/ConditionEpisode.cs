using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>
/// One condition the analyzer reported: <paramref name="Since"/> as it backdated it, <paramref name="ReportedAt"/> the
/// stamp of the frame after which <c>TakeConditionChanges</c> first returned it (what a subscriber would see),
/// <paramref name="Until"/> when it ended (null: still on at the end of the clip). Times are seconds from the clip start.
/// </summary>
internal sealed record ConditionEpisode(CameraCondition Condition, double Since, double ReportedAt, double? Until, double Confidence)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Condition} since {Since:F1} s (reported at {ReportedAt:F1} s) until {(Until is { } u ? $"{u:F1} s" : "end")}, confidence {Confidence:F2}");
}
