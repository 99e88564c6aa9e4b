using System.Globalization;
using EdgeCredit.Agent.Meters.Modbus;
using EdgeCredit.Testing.Servers;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>
/// The real Modbus TCP server <c>tests/tools/modbus_server.py</c> (pymodbus 3.0, Debian's python3-pymodbus) on a free
/// loopback port chosen by the OS, with typed helpers over <see cref="PymodbusServer"/> (which owns the process).
/// </summary>
internal sealed class ModbusServerProcess : IAsyncDisposable
{
    private readonly PymodbusServer _server;

    private ModbusServerProcess(PymodbusServer server) => _server = server;

    public int Port => _server.Port;

    /// <summary>Starts the server with units and values given as <c>--units</c>/<c>--set</c> arguments.</summary>
    public static async Task<ModbusServerProcess> StartAsync(params string[] arguments) =>
        new(await PymodbusServer.StartAsync(arguments));

    /// <summary>A <c>--set</c> argument value: unit, table (h/i), address, type, word order, value.</summary>
    public static string Value(int unit, ModbusFunction function, int address, ModbusDataType type, WordOrder order, double value) =>
        string.Join(':', unit, Table(function), address, TypeName(type), OrderName(order), value.ToString("R", CultureInfo.InvariantCulture));

    public Task SetAsync(int unit, ModbusFunction function, int address, ModbusDataType type, WordOrder order, double value) =>
        SendAsync("set " + Value(unit, function, address, type, order, value).Replace(':', ' '));

    public Task MuteAsync(int unit) => SendAsync($"mute {unit}");

    public Task UnmuteAsync(int unit) => SendAsync($"unmute {unit}");

    /// <summary>Closes the listener and every connection (the port stays free for <see cref="StartListeningAsync"/>).</summary>
    public Task StopListeningAsync() => SendAsync("stop");

    public Task StartListeningAsync() => SendAsync("start");

    public Task SendAsync(string command) => _server.SendAsync(command);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Table(ModbusFunction function) => function == ModbusFunction.Holding ? "h" : "i";

    private static string TypeName(ModbusDataType type) => type.ToString().ToLowerInvariant();

    private static string OrderName(WordOrder order) => order == WordOrder.HighFirst ? "high" : "low";
}
