namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>Per-second values keyed by Unix second, holding the last <c>capacity</c> seconds (older ones are overwritten). Not thread-safe.</summary>
internal sealed class SecondRing<T>(int capacity)
    where T : struct
{
    private readonly long[] _seconds = Enumerable.Repeat(long.MinValue, capacity).ToArray();
    private readonly T[] _values = new T[capacity];

    public T Get(long second)
    {
        var i = Slot(second);
        return _seconds[i] == second ? _values[i] : default;
    }

    public bool Has(long second) => _seconds[Slot(second)] == second;

    public void Set(long second, T value)
    {
        var i = Slot(second);
        _seconds[i] = second;
        _values[i] = value;
    }

    private int Slot(long second) => (int)(((second % _values.Length) + _values.Length) % _values.Length);
}
