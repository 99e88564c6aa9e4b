namespace EdgeCredit.Agent.Meters;

/// <summary>Used when no machine-state model is registered: the state of physical meters stays unknown.</summary>
internal sealed class NoMachineStateModel : IMachineStateResolver
{
    public MachineState? Next(string source, DateTimeOffset at, double? kilowatts) => null;
}
