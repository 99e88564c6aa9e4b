using EdgeCredit.Collector.Calendars;
using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// Folds one enterprise's hourly rollups (ordered by hour, then source) into per-source totals per local day. An hour
/// belongs to the local day that contains its start (exact for zones whose offset is a whole number of hours).
/// </summary>
/// <remarks>
/// Operating time of a source that sends only power or energy: per hour, with the enterprise's threshold X (kW), mean
/// m, smallest and largest window value lo and hi: none if hi ≤ X, the whole covered time if lo &gt; X, otherwise the
/// covered time × (m − lo) / (hi − lo). That share is exact for a machine switching between two power levels and an
/// estimate otherwise (the rollup keeps no per-window values). Energy windows are turned into kW by their mean length.
/// </remarks>
internal sealed class RollupFolder(EnterpriseSettings settings)
{
    private readonly Dictionary<DateOnly, Dictionary<string, SourceTotals>> _days = [];
    private long _hour = long.MinValue;
    private long _dayStart = long.MaxValue;
    private long _dayEnd = long.MinValue;
    private DateOnly _date;
    private string? _source;
    private double _covered;
    private RollupRecord? _energy;
    private RollupRecord? _power;
    private SourceTotals? _totals;

    public IReadOnlyDictionary<DateOnly, Dictionary<string, SourceTotals>> Days => _days;

    public void Add(in RollupRecord row)
    {
        if (row.HourMs != _hour || !string.Equals(row.Source, _source, StringComparison.Ordinal))
        {
            Flush();
            if (row.HourMs != _hour)
            {
                _hour = row.HourMs;
                if (_hour < _dayStart || _hour >= _dayEnd)
                {
                    // Time zone conversions once per local day, not per hour.
                    _date = settings.Calendar.LocalDate(_hour);
                    _dayStart = settings.Calendar.DayStartMs(_date);
                    _dayEnd = settings.Calendar.DayStartMs(_date.AddDays(1));
                }
            }

            _source = row.Source;
            if (!_days.TryGetValue(_date, out var sources))
            {
                _days[_date] = sources = new Dictionary<string, SourceTotals>(StringComparer.Ordinal);
            }

            if (!sources.TryGetValue(row.Source, out _totals))
            {
                sources[row.Source] = _totals = new SourceTotals();
            }
        }

        var t = _totals!;
        _covered = Math.Max(_covered, row.Covered);
        t.FlaggedSignals += row.FlaggedCount;
        if (row.Count == 0)
        {
            return;
        }

        switch (row.Kind)
        {
            case SignalKind.Energy:
                t.EnergyKwh = SourceTotals.Add(t.EnergyKwh, row.Sum);
                _energy = row;
                break;
            case SignalKind.PowerAvg:
                t.PowerKwSeconds = SourceTotals.Add(t.PowerKwSeconds, row.Weighted);
                _power = row;
                break;
            case SignalKind.RunningSeconds:
                t.RunningSeconds = SourceTotals.Add(t.RunningSeconds, row.Sum);
                break;
            case SignalKind.OutputCount:
                t.Output = SourceTotals.Add(t.Output, row.Sum);
                break;
            case SignalKind.ActivityIndex:
                t.ActivityWeighted = SourceTotals.Add(t.ActivityWeighted, row.Weighted);
                t.ActivityCovered += row.Covered;
                break;
            case SignalKind.PeoplePresent:
                t.PeopleSeconds = SourceTotals.Add(t.PeopleSeconds, row.Weighted);
                break;
            case SignalKind.OccupiedSeconds:
                t.OccupiedSeconds = SourceTotals.Add(t.OccupiedSeconds, row.Sum);
                break;
            case SignalKind.HiddenSeconds:
                t.HiddenSeconds = SourceTotals.Add(t.HiddenSeconds, row.Sum);
                break;
            case SignalKind.CameraHealth:
                t.CameraHealthWeighted = SourceTotals.Add(t.CameraHealthWeighted, row.Weighted);
                t.CameraHealthCovered += row.Covered;
                break;
            default:
                break;
        }
    }

    /// <summary>Ends the last (hour, source); call once after the last row.</summary>
    public void Flush()
    {
        if (_totals is null)
        {
            return;
        }

        _totals.CoveredSeconds += Math.Min(_covered, 3600);
        if (settings.OperatingPowerKw is { } threshold && (_power ?? _energy) is { } row && row.Covered > 0)
        {
            // kW per window: power values as they are; energy values divided by the mean window length in hours.
            var scale = _power is null ? 3600 * row.Count / row.Covered : 1;
            var mean = _power is null ? row.Sum * 3600 / row.Covered : row.Weighted / row.Covered;
            var (lo, hi) = (row.Min * scale, row.Max * scale);
            var share = hi <= threshold ? 0 : lo > threshold ? 1 : hi > lo ? Math.Clamp((mean - lo) / (hi - lo), 0, 1) : 0;
            _totals.PowerOperatingSeconds = SourceTotals.Add(_totals.PowerOperatingSeconds, row.Covered * share);
        }

        _totals = null;
        _source = null;
        _covered = 0;
        _energy = null;
        _power = null;
    }
}
