namespace EdgeCredit.Agent.Meters;

/// <summary>
/// One family of meters built from its configuration section (simulated machines, pulse counters, current clamps,
/// Modbus meters). Each family registers a provider as a singleton; the host gathers every provider's meters into
/// one list, checks that source names are unique across families, and runs the loops of <see cref="IPolledMeter"/>s.
/// The provider owns its meters and the native handles behind them (GPIO controllers, I2C devices, sockets) and
/// disposes them when the container is disposed.
/// </summary>
internal interface IMeterProvider
{
    /// <summary>Configuration section of the family, for messages (for example <c>Pulse</c>).</summary>
    string SectionName { get; }

    IReadOnlyList<IMeterSource> Meters { get; }
}
