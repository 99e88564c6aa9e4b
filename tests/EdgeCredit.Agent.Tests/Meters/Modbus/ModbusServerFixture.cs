namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>
/// One real Modbus server shared by the tests that only read: unit 1 holds every data type
/// (<see cref="ModbusTestModels.Types"/>), units 2..4 a three-phase meter each (1 kW more per unit: 12.345 kW,
/// 13.345 kW, 14.345 kW; 1234.56 kWh). Tests that stop, mute or change a server start their own.
/// </summary>
public sealed class ModbusServerFixture : IAsyncLifetime
{
    private ModbusServerProcess? _server;

    internal ModbusServerProcess Server => _server ?? throw new InvalidOperationException("not started");

    public int Port => Server.Port;

    public async Task InitializeAsync()
    {
        var arguments = new List<string> { "--units", "1,2,3,4" };
        foreach (var (point, raw, _) in ModbusTestModels.Types)
        {
            arguments.AddRange(["--set", ModbusServerProcess.Value(ModbusTestModels.TypesUnit, point.Function, point.Address, point.Type, point.WordOrder, raw)]);
        }

        foreach (var unit in ModbusTestModels.MeterUnits)
        {
            arguments.AddRange(ModbusTestModels.MeterValues(unit, 12_345 + ((unit - 2) * 1000), 1234.56));
        }

        _server = await ModbusServerProcess.StartAsync([.. arguments]);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
