namespace EdgeCredit.Agent.Meters.State;

/// <summary>The machine-state model and per-machine calibration. Section <c>MachineState</c>.</summary>
internal sealed class MachineStateOptions
{
    public const string SectionName = "MachineState";

    /// <summary>The ONNX model; a relative path is relative to the agent's folder (content root).</summary>
    public string ModelPath { get; set; } = "models/machine-state.onnx";

    /// <summary>Observed time a machine is watched before its levels are learned (1 min .. 30 days).</summary>
    public TimeSpan CommissioningPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Observed time after learning during which the model must be confident before the levels are used (0 .. 7 days).</summary>
    public TimeSpan ValidationPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Samples needed to learn levels (20 .. 100000).</summary>
    public int MinCommissioningSamples { get; set; } = 200;

    /// <summary>Share of commissioning samples each of idle and running must hold (0.01 .. 0.45).</summary>
    public double MinStateShare { get; set; } = 0.05;

    /// <summary>Running level / idle level at least (1.2 .. 100).</summary>
    public double MinSeparation { get; set; } = 1.5;

    /// <summary>Mean probability of the chosen state during validation at least (0.5 .. 0.99).</summary>
    public double MinConfidence { get; set; } = 0.85;

    /// <summary>Levels set by hand per source name; such a machine is not commissioned.</summary>
    public IDictionary<string, MachineLevelsOverride> Overrides { get; } = new Dictionary<string, MachineLevelsOverride>(StringComparer.Ordinal);
}
