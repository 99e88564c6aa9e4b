namespace EdgeCredit.Agent.Meters;

/// <summary>Simulated meters for demos and tests. Section <c>Simulator</c>.</summary>
internal sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public IList<MachineOptions> Machines { get; } = [];
}
