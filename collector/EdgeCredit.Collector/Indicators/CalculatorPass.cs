using EdgeCredit.Collector.Calendars;

namespace EdgeCredit.Collector.Indicators;

/// <summary>The state of one <see cref="IndicatorCalculator.Compute"/> call: days so far, baseline buckets, sources seen.</summary>
internal sealed class CalculatorPass(EnterpriseSettings settings, BaselineRules rules, int capacity)
{
    public EnterpriseSettings Settings { get; } = settings;

    public BaselineRules Rules { get; } = rules;

    /// <summary>The last local day each source reported (configured sources: the last day computed).</summary>
    public Dictionary<string, DateOnly> LastSeen { get; } = new(StringComparer.Ordinal);

    /// <summary>Every day computed so far, in date order.</summary>
    public List<DailyIndicators> All { get; } = new(capacity);

    /// <summary>Indexes into <see cref="All"/> per baseline key (day type, weekday).</summary>
    public Dictionary<(DayType, DayOfWeek), List<int>> Buckets { get; } = [];

    /// <summary>Reused buffer for baseline values.</summary>
    public List<double> Scratch { get; } = [];
}
