using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Agent.Tests.Capture;

/// <summary>
/// A real camera server from <c>tests/tools</c> (<c>rtsp_server.py</c>: gst-rtsp-server; <c>mjpeg_server.py</c>: HTTP
/// MJPEG) on a loopback port. Owns the process (and its ffmpeg child): it can be killed, started again on the same port,
/// or frozen with SIGSTOP (alive, connections open, no frames: a hung camera).
/// </summary>
internal sealed class StreamServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private bool _stopped;

    private StreamServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string RtspUrl => $"rtsp://127.0.0.1:{Port}/cam";

    public string MjpegUrl => $"http://127.0.0.1:{Port}/video.mjpg";

    public static async Task<StreamServerProcess> StartAsync(string script, int port, params string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "tools", script));
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
        var stderr = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        string? ready = null;
        try
        {
            ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
        }

        if (ready is null || !ready.StartsWith("READY ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new InvalidOperationException(
                $"{script} did not start (tests/run.sh installs python3-gi, gir1.2-gst-rtsp-server-1.0, gstreamer1.0-plugins-* and ffmpeg): {ready}\n{string.Join('\n', stderr)}");
        }

        return new StreamServerProcess(process, int.Parse(ready[6..], CultureInfo.InvariantCulture));
    }

    /// <summary>SIGKILL to the server and its ffmpeg child: the camera drops off the network.</summary>
    public async Task KillAsync()
    {
        Signal("CONT");
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _stopped = true;
    }

    /// <summary>SIGSTOP: the server keeps its sockets open but sends nothing (a hung camera).</summary>
    public void Freeze() => Signal("STOP");

    public void Thaw() => Signal("CONT");

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            Signal("CONT");
            try
            {
                _process.StandardInput.Close();
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
