namespace EdgeCredit.Agent.Vision;

/// <summary>
/// The last <see cref="Capacity"/> changes (state changes, conditions), for windows to look back on, and those not yet
/// taken, for whoever publishes them as events (also at most <see cref="Capacity"/>; the oldest go first). Not
/// thread-safe (the analyzer locks).
/// </summary>
internal sealed class ChangeJournal<T>
{
    public const int Capacity = 256;

    private readonly List<T> _recent = [];
    private readonly List<T> _untaken = [];

    public IReadOnlyList<T> Recent => _recent;

    public void Add(T item)
    {
        _recent.Add(item);
        _untaken.Add(item);
        if (_recent.Count > Capacity)
        {
            _recent.RemoveAt(0);
        }

        if (_untaken.Count > Capacity)
        {
            _untaken.RemoveAt(0);
        }
    }

    public IReadOnlyList<T> Take()
    {
        var items = _untaken.ToArray();
        _untaken.Clear();
        return items;
    }
}
