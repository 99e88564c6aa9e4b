using System.Runtime.InteropServices;
using EdgeCredit.Collector.Calendars;

namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// Pure computation of <see cref="DailyIndicators"/> from per-source day totals (folded from the hourly rollups); no
/// I/O. Days from <c>first</c> (the look-back: expected sources and baselines) to <c>to</c> are computed in order;
/// those from <c>from</c> are returned.
/// </summary>
internal static class IndicatorCalculator
{
    private static readonly Dictionary<string, SourceTotals> NoSources = [];

    public static List<DailyIndicators> Compute(
        EnterpriseSettings settings,
        IReadOnlyDictionary<DateOnly, Dictionary<string, SourceTotals>> days,
        DateOnly first,
        DateOnly from,
        DateOnly to,
        BaselineRules rules)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(rules);
        var calendar = settings.Calendar;
        var pass = new CalculatorPass(settings, rules, to.DayNumber - first.DayNumber + 1);
        foreach (var configured in settings.Sources ?? [])
        {
            // Configured sources are expected on every day: seen "on" the last day computed.
            var slot = pass.SlotOf(configured);
            pass.LastSeen[slot] = to;
        }

        var result = new List<DailyIndicators>(Math.Max(0, to.DayNumber - from.DayNumber + 1));
        var nextStart = calendar.DayStartMs(first);
        for (var date = first; date <= to; date = date.AddDays(1))
        {
            var start = nextStart;
            nextStart = calendar.DayStartMs(date.AddDays(1));
            var sources = days.TryGetValue(date, out var found) ? found : NoSources;
            pass.Today.Clear();
            foreach (var (source, totals) in sources)
            {
                var slot = pass.SlotOf(source);
                pass.Today[slot] = totals;
                if (totals.CoveredSeconds > 0 && pass.LastSeen[slot] < date)
                {
                    pass.LastSeen[slot] = date;
                }
            }

            var day = BuildDay(pass, new DayWindow(date, start, nextStart), sources, withTrend: date >= from);
            if (date >= from)
            {
                result.Add(day);
            }
        }

        return result;
    }

    /// <summary>Workdays and weekend days compare with the same weekday; holidays and make-up days (rare) with any day of their type.</summary>
    private static (DayType, DayOfWeek) BaselineKey(DayType type, DateOnly date) =>
        type is DayType.Workday or DayType.Weekend ? (type, date.DayOfWeek) : (type, DayOfWeek.Sunday);

    /// <summary>
    /// Both trends of a day in one walk back through its baseline bucket: each metric's median over the comparable
    /// earlier days with enough coverage (a small insertion-sorted buffer each; a bucket holds about 13 days).
    /// </summary>
    private static (Trend? Hours, Trend? Energy) TrendsOf(double? hours, double? energy, DateOnly date, CalculatorPass pass, List<int> bucket)
    {
        if (hours is null && energy is null)
        {
            return (null, null);
        }

        var rules = pass.Rules;
        var baseline = CollectionsMarshal.AsSpan(pass.Baseline);
        var (hourValues, energyValues) = pass.BaselineBuffers(bucket.Count);
        int hourCount = 0, energyCount = 0;
        var oldest = date.AddDays(-rules.BaselineDays);
        for (var i = bucket.Count - 1; i >= 0; i--)
        {
            var earlier = baseline[bucket[i]];
            if (earlier.Date < oldest)
            {
                break;
            }

            if (earlier.Coverage < rules.MinBaselineCoverage)
            {
                continue;
            }

            if (hours is not null && earlier.OperatingHours is { } h)
            {
                InsertSorted(hourValues, ref hourCount, h);
            }

            if (energy is not null && earlier.EnergyKwh is { } e)
            {
                InsertSorted(energyValues, ref energyCount, e);
            }
        }

        return (TrendOf(hours, hourValues, hourCount, rules), TrendOf(energy, energyValues, energyCount, rules));
    }

    private static void InsertSorted(double[] values, ref int count, double value)
    {
        var at = count++;
        while (at > 0 && values[at - 1] > value)
        {
            values[at] = values[at - 1];
            at--;
        }

        values[at] = value;
    }

    private static Trend? TrendOf(double? today, double[] sorted, int n, BaselineRules rules)
    {
        if (today is not { } value || n < rules.MinBaselineDays)
        {
            return null;
        }

        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        return new Trend(median > 0 ? value / median : null, median, n);
    }

    /// <summary>Builds one day (with its trends when asked) and files it for the baselines of later days.</summary>
    private static DailyIndicators BuildDay(CalculatorPass pass, DayWindow window, Dictionary<string, SourceTotals> sources, bool withTrend)
    {
        var (settings, rules) = (pass.Settings, pass.Rules);
        var (date, startMs, endMs) = window;
        var calendar = settings.Calendar;
        var daySeconds = (endMs - startMs) / 1000.0;
        var oldest = date.AddDays(-rules.BaselineDays);
        int expected = 0, reporting = 0;
        double covered = 0;
        var lastSeen = pass.LastSeen;
        var today = pass.Today;
        for (var slot = 0; slot < lastSeen.Length; slot++)
        {
            if (lastSeen[slot] >= oldest)
            {
                expected++;
                covered += today[slot] is { } t ? Math.Min(t.CoveredSeconds, daySeconds) : 0;
            }
        }

        double? running = null, powerOperating = null, output = null, energy = null, activityWeighted = null, people = null, cameraWeighted = null;
        double activityCovered = 0, cameraCovered = 0;
        var breakdown = sources.Count == 0 ? [] : new KeyValuePair<string, SourceTotals>[sources.Count];
        var index = 0;
        foreach (var (source, t) in sources)
        {
            reporting += t.CoveredSeconds > 0 ? 1 : 0;
            if (t.RunningSeconds is { } r)
            {
                running = Math.Max(running ?? 0, r);
            }
            else if (t.PowerOperatingSeconds is { } p)
            {
                powerOperating = Math.Max(powerOperating ?? 0, p);
            }

            output = Sum(output, t.Output);
            energy = Sum(energy, t.Energy);
            var sourcePeople = t.PeopleSeconds ?? t.OccupiedSeconds;
            people = Sum(people, sourcePeople);
            if (t.ActivityWeighted is { } aw)
            {
                activityWeighted = (activityWeighted ?? 0) + aw;
                activityCovered += t.ActivityCovered;
            }

            if (t.CameraHealthWeighted is { } cw)
            {
                cameraWeighted = (cameraWeighted ?? 0) + cw;
                cameraCovered += t.CameraHealthCovered;
            }

            breakdown[index++] = new(source, t);
        }

        SortBySource(breakdown);

        // Machines that report running time win over estimates from power: a plant with both uses the measured one.
        var operating = (running ?? powerOperating) / 3600;
        var type = calendar.TypeOf(date, out var name);
        var scheduled = calendar.ScheduledHours(type);
        var coverage = expected == 0 ? 0 : covered / (expected * daySeconds);
        var (keyType, keyDay) = BaselineKey(type, date);
        var bucket = pass.Bucket(keyType, keyDay);

        var trends = withTrend ? TrendsOf(operating, energy, date, pass, bucket) : default;
        var day = new DailyIndicators(
            settings.Id,
            date,
            type,
            name,
            DateTimeOffset.FromUnixTimeMilliseconds(startMs),
            daySeconds / 3600,
            scheduled,
            coverage,
            expected,
            reporting,
            operating,
            scheduled > 0 ? operating / scheduled : null,
            output,
            energy,
            output > 0 ? energy / output : null,
            activityCovered > 0 ? activityWeighted / activityCovered : null,
            people / 3600,
            cameraCovered > 0 ? cameraWeighted / cameraCovered : null,
            trends.Hours,
            trends.Energy,
            new SourceBreakdown(breakdown, daySeconds));
        bucket.Add(pass.All.Count);
        pass.All.Add(day);
        pass.Baseline.Add(new BaselineDay(date, coverage, operating, energy));
        return day;
    }

    /// <summary>Sources in ordinal order of their names (insertion sort: a day has a handful of sources).</summary>
    private static void SortBySource(KeyValuePair<string, SourceTotals>[] days)
    {
        for (var i = 1; i < days.Length; i++)
        {
            var current = days[i];
            var at = i;
            while (at > 0 && string.CompareOrdinal(days[at - 1].Key, current.Key) > 0)
            {
                days[at] = days[at - 1];
                at--;
            }

            days[at] = current;
        }
    }

    private static double? Sum(double? total, double? value) => value is { } v ? (total ?? 0) + v : total;
}
