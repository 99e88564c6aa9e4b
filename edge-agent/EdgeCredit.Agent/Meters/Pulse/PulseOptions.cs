namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>S0 pulse meters on GPIO inputs. Section <c>Pulse</c>.</summary>
internal sealed class PulseOptions
{
    public const string SectionName = "Pulse";

    public IList<PulseMeterOptions> Meters { get; } = [];
}
