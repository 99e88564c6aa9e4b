namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>One read request of a plan: <paramref name="Count"/> registers from <paramref name="Address"/>, stored at <paramref name="Offset"/> in the plan's register buffer.</summary>
internal sealed record ModbusReadBlock(ModbusFunction Function, ushort Address, ushort Count, int Offset);
