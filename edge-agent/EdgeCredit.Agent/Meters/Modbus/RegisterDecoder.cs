namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>Turns the registers of one point into a number (before scaling).</summary>
internal static class RegisterDecoder
{
    public static double Decode(ReadOnlySpan<ushort> registers, ModbusDataType type, WordOrder order)
    {
        switch (type)
        {
            case ModbusDataType.UInt16:
                return registers[0];
            case ModbusDataType.Int16:
                return unchecked((short)registers[0]);
        }

        var (high, low) = order == WordOrder.HighFirst ? (registers[0], registers[1]) : (registers[1], registers[0]);
        var bits = ((uint)high << 16) | low;
        // Each arm is widened to double on its own: a switch over uint, int and float would go through float.
        return type switch
        {
            ModbusDataType.UInt32 => (double)bits,
            ModbusDataType.Int32 => (double)unchecked((int)bits),
            ModbusDataType.Float32 => (double)BitConverter.UInt32BitsToSingle(bits),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown register type"),
        };
    }
}
