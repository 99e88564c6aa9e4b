namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>One S0 pulse meter. Item of <c>Pulse:Meters</c>.</summary>
internal sealed class PulseMeterOptions
{
    /// <summary>Source name in signals (unique across all meters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>GPIO line offset on the chip (not the header pin number).</summary>
    public int Pin { get; set; } = -1;

    /// <summary>Pulses per kWh printed on the meter (impulse constant), 0 exclusive .. 100000.</summary>
    public double PulsesPerKwh { get; set; } = 1000;

    /// <summary>Shortest level accepted (debounce), 0.1 ms .. 100 ms.</summary>
    public TimeSpan MinPulseWidth { get; set; } = TimeSpan.FromMilliseconds(2);

    public PulsePullMode PullMode { get; set; } = PulsePullMode.PullDown;

    public PulseActiveLevel ActiveLevel { get; set; } = PulseActiveLevel.High;

    public GpioDriverKind Driver { get; set; } = GpioDriverKind.Libgpiod;

    /// <summary>GPIO chip number (<c>/dev/gpiochipN</c>), 0..63.</summary>
    public int Chip { get; set; }

    /// <summary>Register value (kWh) that a pulse count of 0 stands for: the meter's reading when counting began.</summary>
    public double InitialKwh { get; set; }

    /// <summary>How often the counter file is fsync'd (0.1 s .. 10 min).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Without a pulse for this long the power reads 0 kW (1 s .. 1 h).</summary>
    public TimeSpan ZeroPowerAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Pulse generator for <see cref="GpioDriverKind.Simulated"/>.</summary>
    public PulseSimulationOptions Simulation { get; set; } = new();
}
