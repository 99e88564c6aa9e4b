namespace EdgeCredit.Collector.Indicators;

/// <summary>One source's share of a <see cref="DailyIndicators"/> day. Nulls: the source sent no such signal that day.</summary>
/// <param name="Coverage">Seconds reported / seconds in the local day.</param>
/// <param name="OperatingBasis"><c>running_seconds</c>, <c>power_threshold</c> (estimated from power above OperatingPowerKw) or null.</param>
/// <param name="CameraHealthy">Time-weighted mean of camera_health (share of the reported time with a healthy picture).</param>
/// <param name="FlaggedSignals">Signals with a quality other than good, simulated or gap (counted, values not used).</param>
/// <param name="HiddenHours">Σ hidden_seconds / 3600: of a camera region's reported time, how much its running state was held behind people rather than seen (null: not a camera region, or an agent that does not send it).</param>
internal sealed record SourceDay(
    string Source,
    double ReportedHours,
    double Coverage,
    double? OperatingHours,
    string? OperatingBasis,
    double? EnergyKwh,
    double? Output,
    double? Activity,
    double? PeopleHours,
    double? CameraHealthy,
    long FlaggedSignals,
    double? HiddenHours = null)
{
    /// <summary>Of the reported time, the share held behind people (null when not sent).</summary>
    public double? HiddenShare => HiddenHours is { } h && ReportedHours > 0 ? Math.Min(1, h / ReportedHours) : null;
}
