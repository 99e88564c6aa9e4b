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
    private readonly SemaphoreSlim _gate = new(1, 1);

    private PymodbusServer(Process process, int port)
    {
        _process = process;
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
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(CommandTimeout);
        if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"modbus_server.py did not start (first line: '{ready}'); is python3-pymodbus installed?");
        }

        return new PymodbusServer(process, int.Parse(ready[6..], CultureInfo.InvariantCulture));
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
                throw new InvalidOperationException($"modbus_server.py refused '{command}': {answer}");
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
