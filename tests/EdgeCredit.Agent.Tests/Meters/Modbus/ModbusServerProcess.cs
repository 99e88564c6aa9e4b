using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Agent.Meters.Modbus;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>
/// The real Modbus TCP server <c>tests/tools/modbus_server.py</c> (pymodbus 3.0, Debian's python3-pymodbus) on a free
/// loopback port chosen by the OS. Commands go to its stdin and each waits for its "OK". Owns the process.
/// </summary>
internal sealed class ModbusServerProcess : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private ModbusServerProcess(Process process, int port, ConcurrentQueue<string> stderr)
    {
        _process = process;
        _stderr = stderr;
        Port = port;
    }

    public int Port { get; }

    public static string ScriptPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "tools", "modbus_server.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/tools/modbus_server.py not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Starts the server with units and values given as <c>--units</c>/<c>--set</c> arguments.</summary>
    public static async Task<ModbusServerProcess> StartAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ScriptPath());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + Python);
        var stderr = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        string? ready;
        try
        {
            ready = await process.StandardOutput.ReadLineAsync().WaitAsync(CommandTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw;
        }

        if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal))
        {
            await process.WaitForExitAsync().WaitAsync(CommandTimeout);
            throw new InvalidOperationException(
                $"modbus_server.py did not start (is python3-pymodbus installed? apt-get install python3-pymodbus): {ready}\n{string.Join("\n", stderr)}");
        }

        return new ModbusServerProcess(process, int.Parse(ready[6..], CultureInfo.InvariantCulture), stderr);
    }

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

    public async Task SendAsync(string command)
    {
        await _gate.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
            var answer = await _process.StandardOutput.ReadLineAsync().WaitAsync(CommandTimeout);
            if (answer != "OK")
            {
                throw new InvalidOperationException($"modbus_server.py refused '{command}': {answer}\n{string.Join("\n", _stderr)}");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _gate.Dispose();
    }

    private static string Table(ModbusFunction function) => function == ModbusFunction.Holding ? "h" : "i";

    private static string TypeName(ModbusDataType type) => type.ToString().ToLowerInvariant();

    private static string OrderName(WordOrder order) => order == WordOrder.HighFirst ? "high" : "low";
}
