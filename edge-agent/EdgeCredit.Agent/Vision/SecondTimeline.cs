namespace EdgeCredit.Agent.Vision;

/// <summary>
/// A ring of <see cref="SecondFlags"/> keyed by Unix second, holding the last <c>capacity</c> seconds. Windows are
/// summed from it, and hysteresis decisions rewrite the seconds they backdate. Not thread-safe (the analyzer locks).
/// </summary>
internal sealed class SecondTimeline
{
    private readonly long[] _seconds;
    private readonly SecondFlags[] _flags;

    public SecondTimeline(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _seconds = new long[capacity];
        Array.Fill(_seconds, long.MinValue);
        _flags = new SecondFlags[capacity];
    }

    public void Set(long second, SecondFlags flags)
    {
        var i = Slot(second);
        _seconds[i] = second;
        _flags[i] = flags;
    }

    public SecondFlags Get(long second)
    {
        var i = Slot(second);
        return _seconds[i] == second ? _flags[i] : SecondFlags.None;
    }

    /// <summary>Sets or clears a flag on the stored seconds in [from, to).</summary>
    public void Mark(long from, long to, SecondFlags flag, bool on)
    {
        from = Math.Max(from, to - _seconds.Length);
        for (var s = from; s < to; s++)
        {
            var i = Slot(s);
            if (_seconds[i] == s)
            {
                _flags[i] = on ? _flags[i] | flag : _flags[i] & ~flag;
            }
        }
    }

    /// <summary>Adds a flag to every second in [from, to), storing seconds not yet stored (the offline time).</summary>
    public void Add(long from, long to, SecondFlags flag)
    {
        from = Math.Max(from, to - _seconds.Length);
        for (var s = from; s < to; s++)
        {
            var i = Slot(s);
            _flags[i] = _seconds[i] == s ? _flags[i] | flag : flag;
            _seconds[i] = s;
        }
    }

    /// <summary>Number of stored seconds in [from, to) that carry every flag of <paramref name="flags"/>.</summary>
    public int Count(long from, long to, SecondFlags flags)
    {
        from = Math.Max(from, to - _seconds.Length);
        var count = 0;
        for (var s = from; s < to; s++)
        {
            var i = Slot(s);
            if (_seconds[i] == s && (_flags[i] & flags) == flags)
            {
                count++;
            }
        }

        return count;
    }

    private int Slot(long second) => (int)(((second % _seconds.Length) + _seconds.Length) % _seconds.Length);
}
