namespace EdgeCredit.Agent.Meters.State;

/// <summary>Where a machine's levels came from.</summary>
internal enum CalibrationOrigin
{
    /// <summary>Learned from the machine's own samples during commissioning and validated.</summary>
    Learned,

    /// <summary>Set by hand in <c>MachineState:Overrides</c>.</summary>
    Override,
}
