using EdgeCredit.Collector.Calendars;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// Computes daily indicators from the hourly rollups (never from raw signals): on demand for a date range, and for
/// the local days touched by new or late data (the dirty hours), which it stores in <c>daily_indicators</c>.
/// </summary>
internal sealed class IndicatorEngine(IndicatorStore store, EnterpriseCalendars calendars, IOptions<IndicatorOptions> options, TimeProvider time)
{
    private readonly BaselineRules _rules = options.Value.Rules;

    /// <summary>The indicators of local days [from, to], computed now from the rollups (days without data have coverage 0).</summary>
    public async Task<List<DailyIndicators>> ComputeAsync(string enterprise, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        var settings = calendars.Get(enterprise);
        var first = from.AddDays(-_rules.BaselineDays);
        var calendar = settings.Calendar;
        var rows = await store.ReadRollupsAsync(enterprise, calendar.DayStartMs(first), calendar.DayStartMs(to.AddDays(1)), cancellationToken);
        var folder = new RollupFolder(settings);
        foreach (var row in rows)
        {
            folder.Add(row);
        }

        folder.Flush();
        var days = IndicatorCalculator.Compute(settings, folder.Days, first, from, to, _rules);

        // Camera conditions are events, not signals: few per day, counted straight from the events table.
        var starts = await store.ReadConditionStartsAsync(enterprise, calendar.DayStartMs(from), calendar.DayStartMs(to.AddDays(1)), cancellationToken);
        if (starts.Count > 0)
        {
            var byDay = starts
                .GroupBy(e => calendar.LocalDate(e.AtMs))
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(e => e.Condition, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Count(), StringComparer.Ordinal));
            for (var i = 0; i < days.Count; i++)
            {
                if (byDay.TryGetValue(days[i].Date, out var counts))
                {
                    days[i] = days[i] with { CameraConditionsStarted = counts };
                }
            }
        }

        return days;
    }

    /// <summary>
    /// Recomputes and stores every local day with a dirty hour, and refreshes the stored later days whose trend
    /// baseline contains such a day (up to BaselineDays after the earliest). Returns the number of days written.
    /// </summary>
    public async Task<int> RecomputeDirtyAsync(CancellationToken cancellationToken)
    {
        var dirty = await store.ReadDirtyAsync(cancellationToken);
        var written = 0;
        foreach (var group in dirty.GroupBy(d => d.Enterprise, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var calendar = calendars.Get(group.Key).Calendar;
            var dates = group.Select(d => calendar.LocalDate(d.HourMs)).ToHashSet();
            var from = dates.Min();
            var to = dates.Max();
            if (await store.LastStoredDateAsync(group.Key, cancellationToken) is { } last && last > to)
            {
                var refreshUntil = from.AddDays(_rules.BaselineDays);
                to = last < refreshUntil ? last : refreshUntil;
                to = to < dates.Max() ? dates.Max() : to;
            }

            var days = await ComputeAsync(group.Key, from, to, cancellationToken);
            var save = days.Where(d => dates.Contains(d.Date) || d.ReportingSources > 0).ToList();
            await store.SaveAsync(save, [.. group], time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
            written += save.Count;
        }

        return written;
    }
}
