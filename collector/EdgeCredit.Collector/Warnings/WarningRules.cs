using EdgeCredit.Collector.Operations;

namespace EdgeCredit.Collector.Warnings;

/// <summary>
/// The operating-state thresholds and the warning rules of one industry (<c>Warnings:Default</c>, or
/// <c>Warnings:Industries:{industry}</c>, which starts from the built-in defaults, not from <c>Default</c>).
/// </summary>
internal sealed class WarningRules : StateThresholds
{
    /// <summary>production_halted (Alert): this many consecutive scheduled days verified STOPPED.</summary>
    public int HaltDays { get; set; } = 2;

    /// <summary>sharp_decline (Watch) opens when the last scheduled days' operating hours are at most this share of their baselines.</summary>
    public double DeclineEntryRatio { get; set; } = 0.7;

    /// <summary>sharp_decline resolves when that share is back to at least this.</summary>
    public double DeclineExitRatio { get; set; } = 0.85;

    /// <summary>Scheduled days in the decline window.</summary>
    public int DeclineWindowDays { get; set; } = 7;

    /// <summary>Days of the window that must have verified data and a baseline.</summary>
    public int DeclineMinDays { get; set; } = 5;

    /// <summary>data_gap is a Notice from the first NO_DATA day and a Watch from this many in a row.</summary>
    public int DataGapWatchDays { get; set; } = 3;

    /// <summary>sensor_fault (Notice): this many SENSOR_FAULT days in a row.</summary>
    public int SensorFaultDays { get; set; } = 2;

    /// <summary>tamper (Alert) resolves after this many days without tamper.</summary>
    public int TamperClearDays { get; set; } = 2;

    /// <summary>inconsistency (Notice): days with a cross-check flag among the last three assessed.</summary>
    public int InconsistencyDays { get; set; } = 2;

    /// <summary>pledged_machine_idle (Watch): scheduled days in a row on which a pledged machine did not run.</summary>
    public int PledgedIdleDays { get; set; } = 3;
}
