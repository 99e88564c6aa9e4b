using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Testing.Servers;

/// <summary>
/// The real Modbus TCP server <c>tests/tools/modbus_server.py</c> (Debian's python3-pymodbus) for tests that run the
/// agent as a process. Commands (<c>set</c>, <c>ramp</c>, <c>mute</c>, <c>unmute</c> ...) go to its stdin; each waits
/// for its "OK". Owns the process; the script exits when its stdin closes.
/// </summary>
internal sealed class PymodbusServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private PymodbusServer(Process process, int port, ConcurrentQueue<string> stderr)
    {
        _process = process;
        _stderr = stderr;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PymodbusServer> StartAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "tools", "modbus_server.py"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {Python}: install python3-pymodbus (tests/run.sh does)");
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
            process.Kill();
            throw new InvalidOperationException(
                $"modbus_server.py did not start (is python3-pymodbus installed? apt-get install python3-pymodbus): {ready}\n{string.Join("\n", stderr)}");
        }

        return new PymodbusServer(process, int.Parse(ready[6..], CultureInfo.InvariantCulture), stderr);
    }

    public async Task SendAsync(string command)
    {
        await _gate.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
            var answer = await _process.StandardOutput.ReadLineAsync().WaitAsync(CommandTimeout);
            if (answer is null || !answer.StartsWith("OK", StringComparison.Ordinal))
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
}
