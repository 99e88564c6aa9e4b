namespace EdgeCredit.Collector.Operations;

/// <summary>The median of the last <see cref="Capacity"/> values added, kept sorted as they come and go (no sort per read).</summary>
internal sealed class RollingMedian(int capacity)
{
    private readonly Queue<double> _order = new(capacity);
    private readonly List<double> _sorted = new(capacity);

    public int Capacity { get; } = capacity;

    public int Count => _sorted.Count;

    public void Add(double value)
    {
        if (_order.Count == Capacity)
        {
            var oldest = _order.Dequeue();
            _sorted.RemoveAt(_sorted.BinarySearch(oldest));
        }

        _order.Enqueue(value);
        var at = _sorted.BinarySearch(value);
        _sorted.Insert(at < 0 ? ~at : at, value);
    }

    /// <summary>The median (the mean of the two middle values for an even count); NaN when empty.</summary>
    public double Median
    {
        get
        {
            var n = _sorted.Count;
            if (n == 0)
            {
                return double.NaN;
            }

            return n % 2 == 1 ? _sorted[n / 2] : (_sorted[(n / 2) - 1] + _sorted[n / 2]) / 2;
        }
    }
}
