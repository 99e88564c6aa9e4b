namespace EdgeCredit.Agent.Meters;

/// <summary>What a machine is doing at one instant.</summary>
internal enum MachineState
{
    Off,
    Idle,
    Running,

    /// <summary>The meter measured power but does not know the state; the machine-state model decides.</summary>
    Unknown,
}
