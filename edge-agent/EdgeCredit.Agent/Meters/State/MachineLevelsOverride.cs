namespace EdgeCredit.Agent.Meters.State;

/// <summary>Hand-set levels of one machine. Item of <c>MachineState:Overrides:{source}</c>.</summary>
internal sealed class MachineLevelsOverride
{
    /// <summary>Power when idle, kW (0 .. RunningKw).</summary>
    public double IdleKw { get; set; }

    /// <summary>Typical power when running, kW (0.001 .. 100000).</summary>
    public double RunningKw { get; set; }

    /// <summary>At or below this the machine is off, kW; null means a third of the idle level.</summary>
    public double? OffKw { get; set; }
}
