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
            pass.LastSeen[configured] = to;
        }

        var result = new List<DailyIndicators>(Math.Max(0, to.DayNumber - from.DayNumber + 1));
        var nextStart = calendar.DayStartMs(first);
        for (var date = first; date <= to; date = date.AddDays(1))
        {
            var start = nextStart;
            nextStart = calendar.DayStartMs(date.AddDays(1));
            var sources = days.TryGetValue(date, out var found) ? found : NoSources;
            foreach (var (source, totals) in sources)
            {
                if (totals.CoveredSeconds > 0 && (!pass.LastSeen.TryGetValue(source, out var seen) || seen < date))
                {
                    pass.LastSeen[source] = date;
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

    private static Trend? TrendOf(double? today, DateOnly date, Func<DailyIndicators, double?> metric, CalculatorPass pass, List<int> bucket)
    {
        if (today is not { } value)
        {
            return null;
        }

        var values = pass.Scratch;
        var rules = pass.Rules;
        values.Clear();
        var oldest = date.AddDays(-rules.BaselineDays);
        for (var i = bucket.Count - 1; i >= 0; i--)
        {
            var earlier = pass.All[bucket[i]];
            if (earlier.Date < oldest)
            {
                break;
            }

            if (earlier.Coverage >= rules.MinBaselineCoverage && metric(earlier) is { } v)
            {
                values.Add(v);
            }
        }

        if (values.Count < rules.MinBaselineDays)
        {
            return null;
        }

        values.Sort();
        var n = values.Count;
        var median = n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        return new Trend(median > 0 ? value / median : null, median, n);
    }

    /// <summary>Builds one day (with its trends when asked) and files it for the baselines of later days.</summary>
    private static DailyIndicators BuildDay(CalculatorPass pass, DayWindow window, Dictionary<string, SourceTotals> sources, bool withTrend)
    {
        var (settings, rules, lastSeen) = (pass.Settings, pass.Rules, pass.LastSeen);
        var (date, startMs, endMs) = window;
        var calendar = settings.Calendar;
        var daySeconds = (endMs - startMs) / 1000.0;
        var oldest = date.AddDays(-rules.BaselineDays);
        int expected = 0, reporting = 0;
        double covered = 0;
        foreach (var (source, seen) in lastSeen)
        {
            if (seen >= oldest)
            {
                expected++;
                covered += sources.TryGetValue(source, out var t) ? Math.Min(t.CoveredSeconds, daySeconds) : 0;
            }
        }

        double? running = null, powerOperating = null, output = null, energy = null, activityWeighted = null, people = null, cameraWeighted = null;
        double activityCovered = 0, cameraCovered = 0;
        var names = new string[sources.Count];
        sources.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        var breakdown = new SourceDay[names.Length];
        var index = 0;
        foreach (var source in names)
        {
            var t = sources[source];
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

            breakdown[index++] = new SourceDay(
                source,
                t.CoveredSeconds / 3600,
                daySeconds > 0 ? Math.Min(1, t.CoveredSeconds / daySeconds) : 0,
                t.OperatingSeconds / 3600,
                t.RunningSeconds is not null ? "running_seconds" : t.PowerOperatingSeconds is not null ? "power_threshold" : null,
                t.Energy,
                t.Output,
                t.ActivityCovered > 0 ? t.ActivityWeighted / t.ActivityCovered : null,
                sourcePeople / 3600,
                t.CameraHealthCovered > 0 ? t.CameraHealthWeighted / t.CameraHealthCovered : null,
                t.FlaggedSignals);
        }

        // Machines that report running time win over estimates from power: a plant with both uses the measured one.
        var operating = (running ?? powerOperating) / 3600;
        var type = calendar.TypeOf(date, out var name);
        var scheduled = calendar.ScheduledHours(type);
        var coverage = expected == 0 ? 0 : covered / (expected * daySeconds);
        var key = BaselineKey(type, date);
        if (!pass.Buckets.TryGetValue(key, out var bucket))
        {
            pass.Buckets[key] = bucket = [];
        }

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
            withTrend ? TrendOf(operating, date, static d => d.OperatingHours, pass, bucket) : null,
            withTrend ? TrendOf(energy, date, static d => d.EnergyKwh, pass, bucket) : null,
            breakdown);
        bucket.Add(pass.All.Count);
        pass.All.Add(day);
        return day;
    }

    private static double? Sum(double? total, double? value) => value is { } v ? (total ?? 0) + v : total;
}
