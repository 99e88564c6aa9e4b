namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>Which GPIO driver reads a pulse input.</summary>
internal enum GpioDriverKind
{
    /// <summary>The character device through libgpiod (<c>/dev/gpiochipN</c>); the normal choice.</summary>
    Libgpiod,

    /// <summary>The deprecated sysfs interface (<c>/sys/class/gpio</c>), for old kernels.</summary>
    Sysfs,

    /// <summary>No hardware: <see cref="Simulation.SimulatedGpioDriver"/> generates the pulses.</summary>
    Simulated,
}
