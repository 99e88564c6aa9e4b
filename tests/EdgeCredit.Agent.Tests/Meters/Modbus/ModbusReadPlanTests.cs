using EdgeCredit.Agent.Meters.Modbus;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

public sealed class ModbusReadPlanTests
{
    private static ModbusPointOptions P(ModbusFunction function, int address, ModbusDataType type = ModbusDataType.Float32) =>
        new() { Function = function, Address = address, Type = type };

    [Fact]
    public void For_AdjacentPointsOfOneFunction_OneRequest()
    {
        var plan = ModbusReadPlan.For([P(ModbusFunction.Holding, 4), P(ModbusFunction.Holding, 0), P(ModbusFunction.Holding, 2), P(ModbusFunction.Holding, 6, ModbusDataType.UInt16)]);

        var block = Assert.Single(plan.Blocks);
        Assert.Equal(new ModbusReadBlock(ModbusFunction.Holding, 0, 7, 0), block);
    }

    [Fact]
    public void For_GapOrOtherFunction_SeparateRequests()
    {
        var plan = ModbusReadPlan.For([P(ModbusFunction.Holding, 0), P(ModbusFunction.Holding, 3), P(ModbusFunction.Input, 2)]);

        Assert.Equal(
            [new(ModbusFunction.Holding, 0, 2, 0), new(ModbusFunction.Holding, 3, 2, 2), new ModbusReadBlock(ModbusFunction.Input, 2, 2, 4)],
            plan.Blocks);
        Assert.Equal(6, plan.Registers);
    }

    [Fact]
    public void For_RunLongerThan125Registers_SplitsAtTheLimit()
    {
        var plan = ModbusReadPlan.For(Enumerable.Range(0, 100).Select(i => P(ModbusFunction.Input, 2 * i)));

        Assert.Equal([new(ModbusFunction.Input, 0, 124, 0), new ModbusReadBlock(ModbusFunction.Input, 124, 76, 124)], plan.Blocks);
    }

    [Fact]
    public void Decode_PointsOutOfAddressOrder_ValuesInConfigurationOrder()
    {
        var plan = ModbusReadPlan.For([P(ModbusFunction.Holding, 1, ModbusDataType.UInt16), P(ModbusFunction.Holding, 0, ModbusDataType.Int16)]);
        var values = new double[2];

        plan.Decode(new ushort[] { 0xFFFF, 7 }, values);

        Assert.Equal([7.0, -1.0], values);
    }
}
