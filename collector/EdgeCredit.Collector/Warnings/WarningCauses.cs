namespace EdgeCredit.Collector.Warnings;

/// <summary>Warning causes and their categories. Data gaps and sensor faults travel on the data path, apart from production warnings.</summary>
internal static class WarningCauses
{
    public const string ProductionHalted = "production_halted";
    public const string SharpDecline = "sharp_decline";
    public const string DataGap = "data_gap";
    public const string SensorFault = "sensor_fault";
    public const string Tamper = "tamper";
    public const string Inconsistency = "inconsistency";

    /// <summary>Per pledged machine: <c>pledged_machine_idle:{source}</c>.</summary>
    public const string PledgedMachineIdle = "pledged_machine_idle";

    public const string Production = "production";
    public const string Data = "data";
    public const string Integrity = "integrity";
}
