using System.Collections.Concurrent;
using System.Diagnostics;

namespace EdgeCredit.Testing.Infrastructure;

/// <summary>A real child process whose output lines are kept for assertions. Owns the process handle.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Process _process;
    private readonly string _name;
    private event Action<string>? LineReceived;

    private ChildProcess(string name, Process process)
    {
        _name = name;
        _process = process;
    }

    public IReadOnlyCollection<string> Lines => _lines;

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public static ChildProcess StartDotnet(string name, string dll, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(name, "dotnet", [dll, .. arguments], workingDirectory ?? Path.GetDirectoryName(dll), environment);

    /// <summary>Waits for an output line that matches; fails with the output so far if the process exits or time runs out.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string line)
        {
            if (match(line))
            {
                found.TrySetResult(line);
            }
        }

        LineReceived += Check;
        try
        {
            foreach (var line in _lines)
            {
                Check(line);
            }

            var exited = _process.WaitForExitAsync();
            var winner = await Task.WhenAny(found.Task, exited).WaitAsync(timeout).ConfigureAwait(false);
            if (winner != found.Task && !found.Task.IsCompleted)
            {
                throw new InvalidOperationException($"{_name} exited with code {_process.ExitCode} before the expected line.\n{Tail()}");
            }

            return await found.Task;
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_name} did not print the expected line within {timeout}.\n{Tail()}");
        }
        finally
        {
            LineReceived -= Check;
        }
    }

    /// <summary>Waits for the process to exit by itself and for the last of its output to be read into <see cref="Lines"/>.</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM, then waits for a clean exit.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new TimeoutException($"{_name} did not stop within the timeout after SIGTERM.\n{Tail()}");
        }
    }

    /// <summary>Lines logged at error or critical level (console formatter prefixes "fail:" and "crit:").</summary>
    public IReadOnlyList<string> ErrorLines(params string[] expected) =>
        _lines.Where(l => (l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal) || l.Contains("Unhandled exception", StringComparison.Ordinal))
                          && !expected.Any(e => l.Contains(e, StringComparison.Ordinal)))
              .ToList();

    public string Tail(int count = 60) => $"--- last output of {_name} ---\n" + string.Join('\n', _lines.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        LineReceived?.Invoke(line);
    }
}
