namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>Which register table a point is read from, and so the function code of the request.</summary>
internal enum ModbusFunction : byte
{
    /// <summary>Holding registers, function code 3.</summary>
    Holding = 3,

    /// <summary>Input registers, function code 4.</summary>
    Input = 4,
}
