namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>How the last poll of a Modbus meter ended.</summary>
internal enum ModbusPollOutcome
{
    /// <summary>Not polled yet.</summary>
    None,

    Good,

    /// <summary>The meter answered, but a value was not finite or outside its Min/Max.</summary>
    OutOfRange,

    Timeout,

    /// <summary>The answer did not match the request (transaction id, unit, function, byte count, length).</summary>
    ProtocolError,

    /// <summary>The meter answered with a Modbus exception code.</summary>
    ExceptionResponse,

    /// <summary>The connection could not be opened or broke.</summary>
    ConnectionFailed,
}
