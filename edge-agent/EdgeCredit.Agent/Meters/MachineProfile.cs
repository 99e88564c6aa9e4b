namespace EdgeCredit.Agent.Meters;

/// <summary>How a simulated machine behaves.</summary>
internal enum MachineProfile
{
    /// <summary>Runs in duty cycles during its shift on work days, off otherwise.</summary>
    Normal,

    /// <summary>Always off (a factory that stopped producing).</summary>
    Stopped,
}
