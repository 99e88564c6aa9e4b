namespace EdgeCredit.Agent.Meters;

/// <summary>What a machine is doing at one instant.</summary>
internal enum MachineState
{
    Off,
    Idle,
    Running,
}
