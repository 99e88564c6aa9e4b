namespace EdgeCredit.Agent.Hosting;

/// <summary>Identity of this gateway and where it keeps its state. Section <c>Agent</c>.</summary>
internal sealed class AgentOptions
{
    public const string SectionName = "Agent";

    /// <summary>Enterprise identifier (wire protocol identifier).</summary>
    public string Enterprise { get; set; } = string.Empty;

    /// <summary>Device identifier of this gateway (wire protocol identifier).</summary>
    public string Device { get; set; } = string.Empty;

    /// <summary>Directory for the outbox database; relative paths are relative to the agent's folder. Created if missing.</summary>
    public string DataDirectory { get; set; } = "data/agent";

    /// <summary>Length of a signal window. Windows are aligned to UTC multiples of it, so it must divide a day.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often every meter is sampled for the windows (0.1 s .. 60 s). The machine-state model expects 1 s.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(1);
}
