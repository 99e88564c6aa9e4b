using EdgeCredit.Agent.Meters.Modbus;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>Register maps and server values shared by the Modbus tests.</summary>
internal static class ModbusTestModels
{
    /// <summary>Unit of the shared server holding one value of every type in both word orders.</summary>
    public const int TypesUnit = 1;

    /// <summary>Units of the shared server holding a <see cref="Meter"/> model each.</summary>
    public static readonly int[] MeterUnits = [2, 3, 4];

    /// <summary>Every type in both word orders, in both tables, each with a scale: (point, raw value, expected scaled value).</summary>
    public static readonly (ModbusPointOptions Point, double Raw, double Expected)[] Types =
    [
        (Point(ModbusFunction.Holding, 0, ModbusDataType.Float32, WordOrder.HighFirst, 0.001), -1234.5, -1.2345),
        (Point(ModbusFunction.Holding, 2, ModbusDataType.Float32, WordOrder.LowFirst, 0.001), 98765.5, 98.7655),
        (Point(ModbusFunction.Holding, 4, ModbusDataType.Int32, WordOrder.HighFirst, 0.1), -100_000, -10_000),
        (Point(ModbusFunction.Holding, 6, ModbusDataType.Int32, WordOrder.LowFirst, 0.1), -70_001, -7000.1),
        (Point(ModbusFunction.Holding, 8, ModbusDataType.UInt32, WordOrder.HighFirst, 0.01), 3_000_000_000, 30_000_000),
        (Point(ModbusFunction.Holding, 10, ModbusDataType.UInt32, WordOrder.LowFirst, 0.01), 4_000_000_001, 40_000_000.01),
        (Point(ModbusFunction.Holding, 12, ModbusDataType.Int16, WordOrder.HighFirst, 10), -1234, -12_340),
        (Point(ModbusFunction.Holding, 13, ModbusDataType.UInt16, WordOrder.LowFirst, 10), 54_321, 543_210),
        (Point(ModbusFunction.Input, 100, ModbusDataType.Float32, WordOrder.LowFirst, 1), 0.15625, 0.15625),
        (Point(ModbusFunction.Input, 102, ModbusDataType.Int32, WordOrder.LowFirst, 1), int.MinValue, int.MinValue),
        (Point(ModbusFunction.Input, 104, ModbusDataType.UInt32, WordOrder.HighFirst, 1), uint.MaxValue, uint.MaxValue),
        (Point(ModbusFunction.Input, 106, ModbusDataType.Int16, WordOrder.LowFirst, -0.5), short.MinValue, 16_384),
        (Point(ModbusFunction.Input, 107, ModbusDataType.UInt16, WordOrder.HighFirst, 0.001), ushort.MaxValue, 65.535),
    ];

    /// <summary>
    /// A three-phase meter: power in W (float, input 0), energy in 0.01 kWh (uint32 low word first, input 2), three
    /// phase currents in 0.1 A (int16, holding 100..102), voltage in 0.1 V (uint16, holding 103, plausible 180..260 V).
    /// </summary>
    public static IList<ModbusPointOptions> Meter() =>
    [
        new() { Quantity = ModbusQuantity.Power, Function = ModbusFunction.Input, Address = 0, Type = ModbusDataType.Float32, Scale = 0.001, Min = -1, Max = 500 },
        new() { Quantity = ModbusQuantity.Energy, Function = ModbusFunction.Input, Address = 2, Type = ModbusDataType.UInt32, WordOrder = WordOrder.LowFirst, Scale = 0.01 },
        new() { Quantity = ModbusQuantity.Current, Function = ModbusFunction.Holding, Address = 100, Type = ModbusDataType.Int16, Scale = 0.1 },
        new() { Quantity = ModbusQuantity.Current, Function = ModbusFunction.Holding, Address = 101, Type = ModbusDataType.Int16, Scale = 0.1 },
        new() { Quantity = ModbusQuantity.Current, Function = ModbusFunction.Holding, Address = 102, Type = ModbusDataType.Int16, Scale = 0.1 },
        new() { Quantity = ModbusQuantity.Voltage, Function = ModbusFunction.Holding, Address = 103, Type = ModbusDataType.UInt16, Scale = 0.1, Min = 180, Max = 260 },
    ];

    /// <summary>Server arguments giving unit <paramref name="unit"/> the <see cref="Meter"/> values for <paramref name="watts"/> and <paramref name="kwh"/>.</summary>
    public static IEnumerable<string> MeterValues(int unit, double watts, double kwh) =>
    [
        "--set", ModbusServerProcess.Value(unit, ModbusFunction.Input, 0, ModbusDataType.Float32, WordOrder.HighFirst, watts),
        "--set", ModbusServerProcess.Value(unit, ModbusFunction.Input, 2, ModbusDataType.UInt32, WordOrder.LowFirst, Math.Round(kwh * 100)),
        "--set", ModbusServerProcess.Value(unit, ModbusFunction.Holding, 100, ModbusDataType.Int16, WordOrder.HighFirst, 101),
        "--set", ModbusServerProcess.Value(unit, ModbusFunction.Holding, 101, ModbusDataType.Int16, WordOrder.HighFirst, 102),
        "--set", ModbusServerProcess.Value(unit, ModbusFunction.Holding, 102, ModbusDataType.Int16, WordOrder.HighFirst, 103),
        "--set", ModbusServerProcess.Value(unit, ModbusFunction.Holding, 103, ModbusDataType.UInt16, WordOrder.HighFirst, 2300),
    ];

    public static ModbusMeterOptions MeterOptions(string name, int port, int unit, TimeSpan? pollInterval = null, TimeSpan? timeout = null) => new()
    {
        Name = name,
        Host = "127.0.0.1",
        Port = port,
        UnitId = unit,
        Model = "pm-test",
        PollInterval = pollInterval ?? TimeSpan.FromSeconds(2),
        Timeout = timeout ?? TimeSpan.FromMilliseconds(1500), // generous: CI machines are shared; tests of timeouts set their own
    };

    public static ModbusMeterSetup Setup(ModbusMeterOptions meter, IList<ModbusPointOptions>? model = null) =>
        new(meter, "Modbus:Meters:0", [.. model ?? Meter()], 0.01);

    private static ModbusPointOptions Point(ModbusFunction function, int address, ModbusDataType type, WordOrder order, double scale) =>
        new() { Quantity = ModbusQuantity.Voltage, Function = function, Address = address, Type = type, WordOrder = order, Scale = scale };
}
