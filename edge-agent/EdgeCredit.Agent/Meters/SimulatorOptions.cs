namespace EdgeCredit.Agent.Meters;

/// <summary>Simulated meters for demos and tests. Section <c>Simulator</c>.</summary>
internal sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public IList<MachineOptions> Machines { get; } = [];

    /// <summary>How often every meter is sampled (0.1 s .. 60 s).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);
}
