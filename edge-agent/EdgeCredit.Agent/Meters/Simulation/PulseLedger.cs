using System.Globalization;
using System.Text;

namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>
/// The generator's ground truth on disk, for a test in another process: one line per emitted pulse holding the
/// cumulative pulse number (1, 2, 3 ...), continued across restarts (the count starts from the file's last complete
/// line). Each line is written and flushed to the operating system (one <c>write</c>) BEFORE the pulse's edges are
/// raised, so after a SIGKILL the last line is at most one pulse ahead of what the counter could have seen.
/// Not fsync'd: it survives a killed process, not a power cut.
/// </summary>
internal sealed class PulseLedger : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _line = new byte[24];

    private PulseLedger(FileStream stream, long previousTotal)
    {
        _stream = stream;
        PreviousTotal = previousTotal;
    }

    /// <summary>Pulses recorded by earlier runs (the last complete line found at open).</summary>
    public long PreviousTotal { get; }

    public static PulseLedger Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        Directory.CreateDirectory(directory!);
        return new PulseLedger(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1), ReadTotal(path));
    }

    /// <summary>The last complete line of a ledger (0 when there is none).</summary>
    public static long ReadTotal(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var tail = new byte[Math.Min(64, reader.Length)];
        reader.Seek(-tail.Length, SeekOrigin.End);
        reader.ReadExactly(tail);
        var text = Encoding.ASCII.GetString(tail);
        var end = text.LastIndexOf('\n');
        if (end <= 0)
        {
            return 0;
        }

        var start = text.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        return long.TryParse(text.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : 0;
    }

    /// <summary>Records the <paramref name="pulseOfThisRun"/>-th pulse of this run (as a cumulative number) and flushes.</summary>
    public void Append(long pulseOfThisRun)
    {
        var total = PreviousTotal + pulseOfThisRun;
        total.TryFormat(_line, out var written, default, CultureInfo.InvariantCulture);
        _line[written++] = (byte)'\n';
        _stream.Write(_line, 0, written);
        _stream.Flush();
    }

    public void Dispose() => _stream.Dispose();
}
