namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>
/// A tamper clip: the expected condition, the episode that reported it (null: missed), its delay from the truth's tamper
/// start to the moment it was reported, conditions reported before the tamper (false alarms) and other conditions
/// reported during it.
/// </summary>
internal sealed record TamperScore(
    string Clip,
    string Expected,
    int Start,
    ConditionEpisode? Detected,
    IReadOnlyList<ConditionEpisode> Before,
    IReadOnlyList<ConditionEpisode> OthersDuring)
{
    public double? Delay => Detected is null ? null : Detected.ReportedAt - Start;
}
