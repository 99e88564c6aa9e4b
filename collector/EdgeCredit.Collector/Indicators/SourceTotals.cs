namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// One source's totals over one local day, folded from hourly rollups by <see cref="RollupFolder"/>. A null total means
/// the source sent no measured value of that kind that day (never zero).
/// </summary>
internal sealed class SourceTotals
{
    /// <summary>Seconds of the day the source reported measured values (per hour the largest of its kinds' window seconds).</summary>
    public double CoveredSeconds { get; set; }

    public long FlaggedSignals { get; set; }

    public double? EnergyKwh { get; set; }

    /// <summary>Σ power_avg × seconds (kW·s).</summary>
    public double? PowerKwSeconds { get; set; }

    public double? RunningSeconds { get; set; }

    /// <summary>Seconds estimated above the enterprise's operating power (see <see cref="RollupFolder"/>); null without a threshold or power data.</summary>
    public double? PowerOperatingSeconds { get; set; }

    public double? Output { get; set; }

    public double? ActivityWeighted { get; set; }

    public double ActivityCovered { get; set; }

    /// <summary>Σ people_present × seconds (person-seconds).</summary>
    public double? PeopleSeconds { get; set; }

    public double? OccupiedSeconds { get; set; }

    /// <summary>Σ hidden_seconds: seconds a camera region's running state was held behind people, not seen.</summary>
    public double? HiddenSeconds { get; set; }

    public double? CameraHealthWeighted { get; set; }

    public double CameraHealthCovered { get; set; }

    /// <summary>Energy: the energy signals, or (for a source that sends only average power) Σ kW·s / 3600.</summary>
    public double? Energy => EnergyKwh ?? PowerKwSeconds / 3600;

    /// <summary>Operating seconds: running_seconds when the source sends them, else the power estimate.</summary>
    public double? OperatingSeconds => RunningSeconds ?? PowerOperatingSeconds;

    public static double? Add(double? total, double value) => (total ?? 0) + value;
}
