namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>One value of a meter model's register map. Item of <c>Modbus:Models:{model}</c>.</summary>
internal sealed class ModbusPointOptions
{
    public ModbusQuantity Quantity { get; set; } = ModbusQuantity.Power;

    public ModbusFunction Function { get; set; } = ModbusFunction.Holding;

    /// <summary>Register address as sent on the wire (0-based: register 40001 of a data sheet is holding address 0).</summary>
    public int Address { get; set; }

    public ModbusDataType Type { get; set; } = ModbusDataType.Float32;

    public WordOrder WordOrder { get; set; } = WordOrder.HighFirst;

    /// <summary>Multiplier from the register value to the quantity's unit (0.001 turns W into kW). Not 0.</summary>
    public double Scale { get; set; } = 1;

    /// <summary>Lowest plausible scaled value; below it the reading is flagged out of range.</summary>
    public double? Min { get; set; }

    /// <summary>Highest plausible scaled value; above it the reading is flagged out of range.</summary>
    public double? Max { get; set; }

    /// <summary>Number of registers the value occupies.</summary>
    public int Registers => Type is ModbusDataType.Int16 or ModbusDataType.UInt16 ? 1 : 2;
}
