namespace EdgeCredit.Collector.Operations;

/// <summary>
/// Thresholds that turn a day's indicators into an <see cref="OperatingState"/> and cross-check flags
/// (<c>Warnings:Default</c>, overridden per industry under <c>Warnings:Industries:{industry}</c>).
/// </summary>
internal class StateThresholds
{
    /// <summary>Below this coverage the day is NO_DATA.</summary>
    public double NoDataCoverage { get; set; } = 0.25;

    /// <summary>Coverage (and every expected source reporting) needed to verify a stop.</summary>
    public double VerifiedCoverage { get; set; } = 0.8;

    /// <summary>Operating hours from which a day is PRODUCING.</summary>
    public double ProducingHours { get; set; } = 1.0;

    /// <summary>Operating hours up to which machines count as not running (for STOPPED).</summary>
    public double StoppedHours { get; set; } = 0.25;

    /// <summary>Meters are flat when the day's energy is at most this share of a producing day's (the median of the last 20 producing days; <see cref="FlatEnergyKwh"/> before there are 4).</summary>
    public double FlatEnergyShare { get; set; } = 0.25;

    /// <summary>Meters are flat, before producing days give a reference, up to this much energy in the day.</summary>
    public double FlatEnergyKwh { get; set; } = 5;

    /// <summary>Cameras are quiet up to this mean activity index.</summary>
    public double QuietActivity { get; set; } = 0.02;

    /// <summary>Cameras saw a busy day from this mean activity index (cross-check).</summary>
    public double BusyActivity { get; set; } = 0.15;

    /// <summary>Cameras are healthy from this share of the reported time with a healthy picture.</summary>
    public double HealthyCamera { get; set; } = 0.9;

    /// <summary>
    /// Camera regions (machines, conveyors) held behind people for more than this share of their reported time cannot
    /// verify a stop: what they showed was mostly a worker's back, not the machine (<c>hidden_seconds</c>).
    /// </summary>
    public double HiddenCamera { get; set; } = 0.25;

    /// <summary>Minutes of covered, moved, frozen or looped picture in a day that make it TAMPER_SUSPECTED.</summary>
    public double TamperMinutes { get; set; } = 10;

    /// <summary>Energy like a working day: at least this share of a producing day's (cross-check).</summary>
    public double WorkingEnergyShare { get; set; } = 0.5;

    /// <summary>kWh per unit further than this share from its baseline median is a drift (cross-check).</summary>
    public double KwhPerUnitDrift { get; set; } = 0.3;
}
