namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>Where a clamp's ADC is.</summary>
internal enum ClampDriverKind
{
    /// <summary>A real ADS1115 on <c>/dev/i2c-{Bus}</c>.</summary>
    Hardware,

    /// <summary>No hardware: <see cref="Simulation.SimulatedAds1115Device"/> answers on the I2C interface.</summary>
    Simulated,
}
