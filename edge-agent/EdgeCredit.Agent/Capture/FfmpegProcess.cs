using System.Diagnostics;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// One running ffmpeg child: raw frames on <see cref="Output"/>, its messages kept as a short tail (passwords masked)
/// and the output frame size parsed from them. Owns the process: <see cref="DisposeAsync"/> kills it if it still runs
/// and waits for it, so no child outlives its camera and none is left a zombie.
/// </summary>
internal sealed class FfmpegProcess : IAsyncDisposable
{
    private const int TailLines = 8;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource<(int Width, int Height)> _size = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _stderr;

    private FfmpegProcess(Process process)
    {
        _process = process;
        Id = process.Id;
        Output = process.StandardOutput.BaseStream;
        _stderr = ReadStderrAsync(process.StandardError);
    }

    public int Id { get; }

    /// <summary>Raw grey frames, width × height bytes each, back to back.</summary>
    public Stream Output { get; }

    /// <summary>Completes with the frame size once ffmpeg described its output, or with (0, 0) if ffmpeg ended before that.</summary>
    public Task<(int Width, int Height)> Size => _size.Task;

    /// <summary>Starts ffmpeg; throws <see cref="System.ComponentModel.Win32Exception"/> when the program cannot be run.</summary>
    public static FfmpegProcess Start(string ffmpegPath, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch
        {
            process.Dispose();
            throw;
        }

        return new FfmpegProcess(process);
    }

    /// <summary>The last lines ffmpeg wrote, without the indented stream descriptions, passwords masked.</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join(" | ", _tail);
        }
    }

    /// <summary>Kills ffmpeg (SIGKILL) if it runs; safe to call from any thread, any number of times.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    /// <summary>Waits for ffmpeg to exit (killing it after a grace period) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(ExitWait);
        }
        catch (TimeoutException)
        {
            Kill();
            await _process.WaitForExitAsync();
        }

        await _stderr;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        await _stderr;
        _process.Dispose();
    }

    /// <summary>A line worth keeping for the reason of a failure: not the stream descriptions, not the final statistics.</summary>
    private static bool IsMessage(string line) =>
        line.Length > 0 && !char.IsWhiteSpace(line[0])
        && !line.StartsWith("Input #", StringComparison.Ordinal) && !line.StartsWith("Output #", StringComparison.Ordinal)
        && !line.StartsWith("Stream mapping", StringComparison.Ordinal) && !line.StartsWith("frame=", StringComparison.Ordinal)
        && !line.StartsWith("video:", StringComparison.Ordinal) && !line.StartsWith("Press [q]", StringComparison.Ordinal)
        && !line.Contains("deprecated pixel format used", StringComparison.Ordinal); // MJPEG's yuvj420p, harmless

    private async Task ReadStderrAsync(StreamReader stderr)
    {
        var output = false;
        try
        {
            while (await stderr.ReadLineAsync() is { } line)
            {
                output |= FfmpegStreamInfo.IsOutputHeader(line);
                if (output && !_size.Task.IsCompleted && FfmpegStreamInfo.TryParseSize(line, out var width, out var height))
                {
                    _size.TrySetResult((width, height));
                }

                if (IsMessage(line))
                {
                    lock (_tail)
                    {
                        _tail.Enqueue(CameraUrl.Mask(line.Length > 300 ? line[..300] : line));
                        while (_tail.Count > TailLines)
                        {
                            _tail.Dequeue();
                        }
                    }
                }
            }
        }
        catch (IOException)
        {
            // the pipe broke with the process
        }
        finally
        {
            _size.TrySetResult((0, 0));
        }
    }
}
