namespace EdgeCredit.Collector.Operations;

/// <summary>The median of the last <see cref="Capacity"/> values added, kept sorted as they come and go (no sort per read).</summary>
internal sealed class RollingMedian
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _next;

    public RollingMedian(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new double[capacity];
        _sorted = new double[capacity];
    }

    public int Capacity => _ring.Length;

    public int Count { get; private set; }

    public void Add(double value)
    {
        if (Count == Capacity)
        {
            // Take the oldest out of the sorted values (it is there: the same double went in).
            var at = LowerBound(_ring[_next]);
            Array.Copy(_sorted, at + 1, _sorted, at, Count - at - 1);
            Count--;
        }

        _ring[_next] = value;
        _next = (_next + 1) % Capacity;
        var insert = LowerBound(value);
        Array.Copy(_sorted, insert, _sorted, insert + 1, Count - insert);
        _sorted[insert] = value;
        Count++;
    }

    /// <summary>The first position whose value is not below <paramref name="value"/> (a plain search: capacities are small and Array.BinarySearch goes through a comparer).</summary>
    private int LowerBound(double value)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The median (the mean of the two middle values for an even count); NaN when empty.</summary>
    public double Median
    {
        get
        {
            var n = Count;
            if (n == 0)
            {
                return double.NaN;
            }

            return n % 2 == 1 ? _sorted[n / 2] : (_sorted[(n / 2) - 1] + _sorted[n / 2]) / 2;
        }
    }
}
