namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>The slave answered with a Modbus exception response (function code | 0x80).</summary>
#pragma warning disable CA1032
internal sealed class ModbusExceptionResponse : ModbusException
{
    public ModbusExceptionResponse(byte functionCode, byte exceptionCode)
        : base($"the slave answered function {functionCode} with Modbus exception {exceptionCode} ({Describe(exceptionCode)})")
    {
        FunctionCode = functionCode;
        ExceptionCode = exceptionCode;
    }

    public byte FunctionCode { get; }

    /// <summary>1 illegal function, 2 illegal data address, 3 illegal data value, 4 slave device failure, 0x0A/0x0B gateway.</summary>
    public byte ExceptionCode { get; }

    public static string Describe(byte code) => code switch
    {
        1 => "illegal function: the meter does not support this register table",
        2 => "illegal data address: check the model's register addresses (0-based) and counts",
        3 => "illegal data value",
        4 => "slave device failure",
        5 => "acknowledge",
        6 => "slave device busy",
        0x0A => "gateway path unavailable",
        0x0B => "gateway target device failed to respond: check the unit id and the RS-485 wiring",
        _ => "unknown exception code",
    };
}
