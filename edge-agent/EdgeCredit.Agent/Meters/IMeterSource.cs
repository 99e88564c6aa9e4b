namespace EdgeCredit.Agent.Meters;

/// <summary>
/// A power meter on one machine. The simulator implements it today; GPIO pulse counters, current clamps
/// and Modbus meters plug in behind the same interface later.
/// </summary>
internal interface IMeterSource
{
    /// <summary>The source name used in signals (a protocol source name, for example <c>press-1</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Reads the meter for the sample due at <paramref name="at"/>. A physical meter reads its current value and
    /// returns null when it cannot answer or when <paramref name="at"/> lies too far in the past to be read now;
    /// null means "not observed", which never becomes a zero downstream.
    /// </summary>
    ValueTask<MeterReading?> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken);
}
