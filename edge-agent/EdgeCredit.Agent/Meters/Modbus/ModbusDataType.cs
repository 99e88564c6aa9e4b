namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>How the registers of a point encode its value (bytes within a register are big-endian, as on the wire).</summary>
internal enum ModbusDataType
{
    /// <summary>IEEE 754 single precision, two registers.</summary>
    Float32,

    /// <summary>Signed 32-bit, two registers.</summary>
    Int32,

    /// <summary>Unsigned 32-bit, two registers.</summary>
    UInt32,

    /// <summary>Signed 16-bit, one register.</summary>
    Int16,

    /// <summary>Unsigned 16-bit, one register.</summary>
    UInt16,
}
