namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>Pin level while the S0 output conducts (during a pulse).</summary>
internal enum PulseActiveLevel
{
    /// <summary>S0+ to 3.3 V, S0- to the pin with a pull-down: the pin is high during a pulse.</summary>
    High,

    /// <summary>S0- to ground, S0+ to the pin with a pull-up: the pin is low during a pulse.</summary>
    Low,
}
