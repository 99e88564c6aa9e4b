namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>Internal bias resistor of the input pin.</summary>
internal enum PulsePullMode
{
    /// <summary>No internal resistor (an external one is fitted).</summary>
    None,

    PullUp,

    PullDown,
}
