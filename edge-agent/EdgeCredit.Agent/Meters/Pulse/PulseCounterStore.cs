using Microsoft.Win32.SafeHandles;

namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>
/// The cumulative pulse count of one meter in a 64-byte file of two <see cref="CounterSlot"/>s. Every
/// <see cref="Write"/> is one positional write (<c>pwrite</c>) of the next slot, alternating, so the page cache holds
/// the count as soon as the call returns (a killed process loses nothing); <see cref="Flush"/> fsyncs, and the owner
/// calls it every <c>FlushInterval</c>. A write torn by a power cut damages only the slot being written: the other
/// slot still holds the previous value. Not thread-safe: the owner serialises calls.
/// </summary>
internal sealed class PulseCounterStore : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly TimeProvider _time;
    private readonly byte[] _buffer = new byte[CounterSlot.Size];
    private ulong _sequence;
    private bool _dirty;
    private bool _disposed;

    private PulseCounterStore(string path, SafeFileHandle handle, TimeProvider time, ulong sequence, long pulses, CounterFileState state)
    {
        Path = path;
        _handle = handle;
        _time = time;
        _sequence = sequence;
        Pulses = pulses;
        State = state;
    }

    public string Path { get; }

    /// <summary>The persisted cumulative count (as last written).</summary>
    public long Pulses { get; private set; }

    /// <summary>What was found at open.</summary>
    public CounterFileState State { get; }

    /// <summary>Where a corrupted file was moved to, when <see cref="State"/> is <see cref="CounterFileState.Corrupted"/>.</summary>
    public string? MovedAsideTo { get; private init; }

    /// <summary>Opens (or creates) the counter file at <paramref name="path"/>, creating its directory.</summary>
    public static PulseCounterStore Open(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var (found, length) = ReadSlots(path);
        string? movedTo = null;
        CounterFileState state;
        CounterSlot? current;
        if (length == 0)
        {
            (state, current) = (CounterFileState.Created, null);
        }
        else if (found[0] is null && found[1] is null)
        {
            movedTo = $"{path}.corrupt-{time.GetUtcNow().ToUnixTimeMilliseconds()}";
            File.Move(path, movedTo);
            (state, current) = (CounterFileState.Corrupted, null);
        }
        else
        {
            current = found[0] is { } a && (found[1] is not { } b || a.Sequence > b.Sequence) ? a : found[1];
            state = found[0] is null || found[1] is null ? CounterFileState.FellBack : CounterFileState.Loaded;
        }

        var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        return new PulseCounterStore(path, handle, time, current?.Sequence ?? 0, current?.Pulses ?? 0, state) { MovedAsideTo = movedTo };
    }

    /// <summary>The count in a counter file without opening it for writing (for tools and tests); null when no slot is valid.</summary>
    public static long? ReadPulses(string path)
    {
        var (found, _) = ReadSlots(path);
        return found[0] is { } a && (found[1] is not { } b || a.Sequence > b.Sequence) ? a.Pulses : found[1]?.Pulses;
    }

    /// <summary>Stores <paramref name="pulses"/> in the next slot with one positional write.</summary>
    public void Write(long pulses)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(pulses);
        var sequence = _sequence + 1;
        new CounterSlot(sequence, pulses, _time.GetUtcNow().ToUnixTimeMilliseconds()).WriteTo(_buffer);
        RandomAccess.Write(_handle, _buffer, CounterSlot.OffsetOf(sequence));
        _sequence = sequence;
        Pulses = pulses;
        _dirty = true;
    }

    /// <summary>Forces written slots to the disk (fsync) when anything was written since the last flush.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dirty)
        {
            RandomAccess.FlushToDisk(_handle);
            _dirty = false;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _disposed = true;
        _handle.Dispose();
    }

    private static (CounterSlot?[] Slots, long Length) ReadSlots(string path)
    {
        if (!File.Exists(path))
        {
            return ([null, null], 0);
        }

        var bytes = File.ReadAllBytes(path);
        var span = bytes.AsSpan();
        return ([CounterSlot.TryRead(span), span.Length >= 2 * CounterSlot.Size ? CounterSlot.TryRead(span[CounterSlot.Size..]) : null], bytes.Length);
    }
}
