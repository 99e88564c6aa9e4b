namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>Current clamps read through ADS1115 ADCs on I2C. Section <c>Clamp</c>.</summary>
internal sealed class ClampOptions
{
    public const string SectionName = "Clamp";

    public IList<ClampMeterOptions> Meters { get; } = [];
}
