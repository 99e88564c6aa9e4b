using System.Collections;

namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// A day's per-source lines (<see cref="SourceDay"/>), made from the day's source totals when first read: a recompute of
/// 10,000 enterprises x 90 days reads few of them, and making three records per day was half of what it allocated.
/// The totals are the calculator's input for that day and are not changed afterwards.
/// </summary>
internal sealed class SourceBreakdown : IReadOnlyList<SourceDay>
{
    private readonly KeyValuePair<string, SourceTotals>[] _totals;
    private readonly double _daySeconds;
    private SourceDay[]? _days;

    /// <param name="totals">Each source's totals, in ordinal order of the names.</param>
    public SourceBreakdown(KeyValuePair<string, SourceTotals>[] totals, double daySeconds)
    {
        ArgumentNullException.ThrowIfNull(totals);
        _totals = totals;
        _daySeconds = daySeconds;
    }

    public int Count => _totals.Length;

    /// <summary>Signals with a quality other than good, simulated or gap, over all sources (without making the lines).</summary>
    public long FlaggedSignals
    {
        get
        {
            var flagged = 0L;
            foreach (var (_, totals) in _totals)
            {
                flagged += totals.FlaggedSignals;
            }

            return flagged;
        }
    }

    /// <summary>
    /// Σ hidden seconds / Σ reported seconds of the sources that send <c>hidden_seconds</c>, or null when none does
    /// (without making the lines; see <c>OperatingStateClassifier.HiddenShare</c>).
    /// </summary>
    public double? HiddenShare
    {
        get
        {
            double hidden = 0, reported = 0;
            foreach (var (_, totals) in _totals)
            {
                if (totals.HiddenSeconds is { } h && totals.CoveredSeconds > 0)
                {
                    hidden += h;
                    reported += totals.CoveredSeconds;
                }
            }

            return reported > 0 ? Math.Min(1, hidden / reported) : null;
        }
    }

    public SourceDay this[int index] => Days[index];

    private SourceDay[] Days => _days ??= Make();

    public IEnumerator<SourceDay> GetEnumerator() => ((IEnumerable<SourceDay>)Days).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private SourceDay[] Make()
    {
        var days = new SourceDay[_totals.Length];
        for (var i = 0; i < days.Length; i++)
        {
            var (source, t) = _totals[i];
            days[i] = new SourceDay(
                source,
                t.CoveredSeconds / 3600,
                _daySeconds > 0 ? Math.Min(1, t.CoveredSeconds / _daySeconds) : 0,
                t.OperatingSeconds / 3600,
                t.RunningSeconds is not null ? "running_seconds" : t.PowerOperatingSeconds is not null ? "power_threshold" : null,
                t.Energy,
                t.Output,
                t.ActivityCovered > 0 ? t.ActivityWeighted / t.ActivityCovered : null,
                (t.PeopleSeconds ?? t.OccupiedSeconds) / 3600,
                t.CameraHealthCovered > 0 ? t.CameraHealthWeighted / t.CameraHealthCovered : null,
                t.FlaggedSignals,
                t.HiddenSeconds / 3600);
        }

        return days;
    }
}
