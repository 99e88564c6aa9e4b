using EdgeCredit.Collector.Calendars;

namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// The state of one <see cref="IndicatorCalculator.Compute"/> call: days so far, baseline buckets, and the sources seen,
/// each in a numbered slot (an enterprise has a handful of sources, and the same names come back every day, so a slot is
/// found by a short scan that mostly matches by reference, not by hashing the name several times a day).
/// </summary>
internal sealed class CalculatorPass(EnterpriseSettings settings, BaselineRules rules, int capacity)
{
    private static readonly int BucketCount = (Enum.GetValues<DayType>().Max(t => (int)t) + 1) * 7;

    private readonly List<string> _sources = [];
    private readonly List<int>?[] _buckets = new List<int>?[BucketCount];
    private DateOnly[] _lastSeen = new DateOnly[8];
    private SourceTotals?[] _today = new SourceTotals?[8];
    private double[] _hours = new double[32];
    private double[] _energy = new double[32];

    public EnterpriseSettings Settings { get; } = settings;

    public BaselineRules Rules { get; } = rules;

    /// <summary>Every day computed so far, in date order.</summary>
    public List<DailyIndicators> All { get; } = new(capacity);

    /// <summary>What the baselines read of each day in <see cref="All"/>, kept side by side in one array.</summary>
    public List<BaselineDay> Baseline { get; } = new(capacity);

    /// <summary>How many sources have a slot.</summary>
    public int SourceCount => _sources.Count;

    /// <summary>The last local day each slot's source reported (configured sources: the last day computed).</summary>
    public Span<DateOnly> LastSeen => _lastSeen.AsSpan(0, _sources.Count);

    /// <summary>Each slot's totals on the day being computed (null: the source sent nothing that day).</summary>
    public Span<SourceTotals?> Today => _today.AsSpan(0, _sources.Count);

    /// <summary>The slot of a source, made on first sight (its last-seen day starts at <see cref="DateOnly.MinValue"/>).</summary>
    public int SlotOf(string source)
    {
        for (var i = 0; i < _sources.Count; i++)
        {
            if (ReferenceEquals(_sources[i], source))
            {
                return i;
            }
        }

        for (var i = 0; i < _sources.Count; i++)
        {
            if (string.Equals(_sources[i], source, StringComparison.Ordinal))
            {
                return i;
            }
        }

        if (_sources.Count == _lastSeen.Length)
        {
            Array.Resize(ref _lastSeen, _lastSeen.Length * 2);
            Array.Resize(ref _today, _today.Length * 2);
        }

        _sources.Add(source);
        _lastSeen[_sources.Count - 1] = DateOnly.MinValue;
        return _sources.Count - 1;
    }

    /// <summary>Indexes into <see cref="All"/> of the days with this baseline key (day type, weekday).</summary>
    public List<int> Bucket(DayType type, DayOfWeek weekday) => _buckets[((int)type * 7) + (int)weekday] ??= [];

    /// <summary>Reused buffers for one day's baseline values (hours, energy), each at least <paramref name="size"/> long.</summary>
    public (double[] Hours, double[] Energy) BaselineBuffers(int size)
    {
        if (_hours.Length < size)
        {
            _hours = new double[size * 2];
            _energy = new double[size * 2];
        }

        return (_hours, _energy);
    }
}
