using System.Globalization;
using System.Text.Json.Nodes;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Collector.Operations;

namespace EdgeCredit.Collector.Warnings;

/// <summary>
/// The default warning rules over an enterprise's assessed days (oldest first, the last is the as-of day); pure. Each
/// rule has an entry and an exit condition (hysteresis), so a warning neither flaps nor fires on one odd day. Production
/// rules look at scheduled days only (weekends and holidays never raise them) and only at verified states; NO_DATA goes
/// to the data path.
/// </summary>
internal static class WarningEvaluator
{
    public static List<WarningCondition> Evaluate(IReadOnlyList<DayAssessment> days, WarningRules rules, IReadOnlyList<string> pledgedSources)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(pledgedSources);
        var result = new List<WarningCondition>();
        if (days.Count == 0)
        {
            return result;
        }

        var halted = Halted(days, rules);
        result.Add(halted);
        result.Add(Decline(days, rules, halted.Phase == WarningPhase.Active));
        result.Add(DataGap(days, rules));
        result.Add(SensorFault(days, rules));
        result.Add(Tamper(days, rules));
        result.Add(Inconsistency(days, rules));
        result.AddRange(pledgedSources.Select(source => PledgedIdle(days, rules, source)));
        return result;
    }

    private static WarningCondition Halted(IReadOnlyList<DayAssessment> days, WarningRules rules)
    {
        var scheduled = days.Where(d => d.Scheduled).ToList();
        var run = TrailingRun(scheduled, d => d.State == OperatingState.Stopped);
        var last = scheduled.LastOrDefault();
        var stopped = scheduled.Skip(scheduled.Count - run).ToList();
        var evidence = Evidence("operating state per scheduled day", $"{rules.HaltDays} consecutive scheduled days verified STOPPED", stopped);
        if (run >= rules.HaltDays)
        {
            return new(WarningCauses.ProductionHalted, WarningCauses.Production, WarningLevel.Alert, WarningPhase.Active, stopped[0].Date, stopped[^1].Date,
                F($"production halted: {run} scheduled days verified stopped since {stopped[0].Date:yyyy-MM-dd}"), evidence);
        }

        var phase = last?.State == OperatingState.Producing ? WarningPhase.Clear : WarningPhase.Hold;
        return new(WarningCauses.ProductionHalted, WarningCauses.Production, WarningLevel.Alert, phase, null, last?.Date,
            last is null ? "no scheduled day yet" : F($"last scheduled day {last.Date:yyyy-MM-dd} {Name(last.State)}"), evidence);
    }

    private static WarningCondition Decline(IReadOnlyList<DayAssessment> days, WarningRules rules, bool halted)
    {
        var window = days.Where(d => d.Scheduled).TakeLast(rules.DeclineWindowDays)
            .Where(d => d.State is OperatingState.Producing or OperatingState.Idle) // a verified stop is production_halted's, not a decline
            .ToList();
        var hours = Ratio(window, d => d.Indicators.OperatingHours, d => d.Indicators.OperatingHoursTrend);
        var energy = Ratio(window, d => d.Indicators.EnergyKwh, d => d.Indicators.EnergyTrend);
        var evidence = new JsonObject
        {
            ["indicator"] = "operating hours and energy of each day against their weekday-aware baseline medians; the larger decline counts",
            ["threshold"] = F($"opens at <= {rules.DeclineEntryRatio:P0} of baseline over the producing or idle days among the last {rules.DeclineWindowDays} scheduled days (at least {rules.DeclineMinDays} with a baseline), resolves when both are >= {rules.DeclineExitRatio:P0}"),
            ["operatingHoursRatio"] = hours.Days >= rules.DeclineMinDays ? Math.Round(hours.Ratio, 3) : null,
            ["energyRatio"] = energy.Days >= rules.DeclineMinDays ? Math.Round(energy.Ratio, 3) : null,
            ["days"] = new JsonArray([.. window.Select(d => (JsonNode)new JsonObject
            {
                ["date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["operatingHours"] = d.Indicators.OperatingHours is { } h ? Math.Round(h, 3) : null,
                ["operatingHoursBaseline"] = d.Indicators.OperatingHoursTrend?.BaselineMedian is { } hb ? Math.Round(hb, 3) : null,
                ["energyKwh"] = d.Indicators.EnergyKwh is { } e ? Math.Round(e, 3) : null,
                ["energyBaseline"] = d.Indicators.EnergyTrend?.BaselineMedian is { } eb ? Math.Round(eb, 3) : null,
            })]),
        };
        var measured = new[] { (Name: "operating hours", hours.Ratio, hours.Days), (Name: "energy", energy.Ratio, energy.Days) }
            .Where(m => m.Days >= rules.DeclineMinDays).ToList();
        if (measured.Count == 0 || halted)
        {
            return new(WarningCauses.SharpDecline, WarningCauses.Production, WarningLevel.Watch, WarningPhase.Hold, null, null,
                halted ? "production halted (that warning covers it)" : F($"fewer than {rules.DeclineMinDays} scheduled days with verified data and a baseline"), evidence);
        }

        var worst = measured.MinBy(m => m.Ratio);
        var phase = worst.Ratio <= rules.DeclineEntryRatio ? WarningPhase.Active
            : measured.All(m => m.Ratio >= rules.DeclineExitRatio) ? WarningPhase.Clear
            : WarningPhase.Hold;
        return new(WarningCauses.SharpDecline, WarningCauses.Production, WarningLevel.Watch, phase, window[0].Date, window[^1].Date,
            F($"{worst.Name} at {worst.Ratio:P0} of its baseline over the last {worst.Days} scheduled days ({1 - worst.Ratio:P0} decline)"), evidence);
    }

    /// <summary>Σ value / Σ baseline median over the days that have both, and how many days that is.</summary>
    private static (double Ratio, int Days) Ratio(List<DayAssessment> days, Func<DayAssessment, double?> value, Func<DayAssessment, Indicators.Trend?> trend)
    {
        var usable = days.Where(d => value(d) is not null && trend(d) is { BaselineMedian: > 0 }).ToList();
        return usable.Count == 0 ? (1, 0) : (usable.Sum(d => value(d)!.Value) / usable.Sum(d => trend(d)!.BaselineMedian), usable.Count);
    }

    private static WarningCondition DataGap(IReadOnlyList<DayAssessment> days, WarningRules rules)
    {
        var run = TrailingRun(days, d => d.State == OperatingState.NoData);
        var gap = days.Skip(days.Count - run).ToList();
        var evidence = Evidence("coverage per day (share of the expected source-minutes reported)", F($"a day below {rules.NoDataCoverage:P0} coverage is NO_DATA; Watch from {rules.DataGapWatchDays} in a row"), gap);
        if (run == 0)
        {
            return new(WarningCauses.DataGap, WarningCauses.Data, WarningLevel.Notice, WarningPhase.Clear, null, days[^1].Date, "sources reporting", evidence);
        }

        var level = run >= rules.DataGapWatchDays ? WarningLevel.Watch : WarningLevel.Notice;
        return new(WarningCauses.DataGap, WarningCauses.Data, level, WarningPhase.Active, gap[0].Date, gap[^1].Date,
            F($"no data for {run} day(s) since {gap[0].Date:yyyy-MM-dd}: the box or its sources are not reporting (not a production stop)"), evidence);
    }

    private static WarningCondition SensorFault(IReadOnlyList<DayAssessment> days, WarningRules rules)
    {
        var run = TrailingRun(days, d => d.State == OperatingState.SensorFault);
        var fault = days.Skip(days.Count - run).ToList();
        var evidence = Evidence("operating state per day", $"{rules.SensorFaultDays} SENSOR_FAULT days in a row", fault);
        var phase = run >= rules.SensorFaultDays ? WarningPhase.Active : run == 0 ? WarningPhase.Clear : WarningPhase.Hold;
        return new(WarningCauses.SensorFault, WarningCauses.Data, WarningLevel.Notice, phase, fault.FirstOrDefault()?.Date, days[^1].Date,
            run == 0 ? "sources healthy" : F($"sources incomplete or cameras unhealthy for {run} day(s): {string.Join("; ", fault[^1].Reasons)}"), evidence);
    }

    private static WarningCondition Tamper(IReadOnlyList<DayAssessment> days, WarningRules rules)
    {
        var recent = days.TakeLast(rules.TamperClearDays).ToList();
        var tampered = recent.Where(d => d.State == OperatingState.TamperSuspected || d.TamperMinutes >= rules.TamperMinutes).ToList();
        var evidence = Evidence("minutes per day of a camera covered, moved, frozen or looped", F($">= {rules.TamperMinutes:0} min in a day; resolves after {rules.TamperClearDays} days without"), tampered);
        return tampered.Count > 0
            ? new(WarningCauses.Tamper, WarningCauses.Integrity, WarningLevel.Alert, WarningPhase.Active, tampered[0].Date, tampered[^1].Date,
                F($"camera tamper suspected on {tampered.Count} of the last {recent.Count} days ({tampered.Sum(d => d.TamperMinutes):0} min)"), evidence)
            : new(WarningCauses.Tamper, WarningCauses.Integrity, WarningLevel.Alert, WarningPhase.Clear, null, days[^1].Date, "no tamper", evidence);
    }

    private static WarningCondition Inconsistency(IReadOnlyList<DayAssessment> days, WarningRules rules)
    {
        var recent = days.TakeLast(3).ToList();
        var flagged = recent.Where(d => d.Flags.Count > 0).ToList();
        var evidence = Evidence("cross-checks between energy, camera activity and output", $"flags on {rules.InconsistencyDays} of the last 3 days; resolves after 2 days without", flagged);
        evidence["flags"] = new JsonArray([.. flagged.SelectMany(d => d.Flags).Distinct().Select(f => (JsonNode)JsonValue.Create(FlagName(f))!)]);
        if (flagged.Count >= rules.InconsistencyDays)
        {
            return new(WarningCauses.Inconsistency, WarningCauses.Integrity, WarningLevel.Notice, WarningPhase.Active, flagged[0].Date, flagged[^1].Date,
                F($"sources contradict each other on {flagged.Count} of the last {recent.Count} days: {string.Join(", ", flagged.SelectMany(d => d.Flags).Distinct().Select(FlagName))}"), evidence);
        }

        var phase = days.TakeLast(2).All(d => d.Flags.Count == 0) ? WarningPhase.Clear : WarningPhase.Hold;
        return new(WarningCauses.Inconsistency, WarningCauses.Integrity, WarningLevel.Notice, phase, null, days[^1].Date, "sources agree", evidence);
    }

    private static WarningCondition PledgedIdle(IReadOnlyList<DayAssessment> days, WarningRules rules, string source)
    {
        var cause = $"{WarningCauses.PledgedMachineIdle}:{source}";
        SourceDay? Machine(DayAssessment d) => d.Indicators.Sources.FirstOrDefault(s => s.Source == source);
        double? Hours(DayAssessment d) => Machine(d)?.OperatingHours;
        // A day the camera saw mostly people in front of the machine says nothing about it: neither idle nor running.
        bool Seen(DayAssessment d) => Machine(d)?.HiddenShare is not { } h || h <= rules.HiddenCamera;
        var scheduled = days.Where(d => d.Scheduled && d.State is not (OperatingState.NoData or OperatingState.SensorFault) && Seen(d)).ToList();
        var run = TrailingRun(scheduled, d => Hours(d) is { } h && h <= rules.StoppedHours);
        var idle = scheduled.Skip(scheduled.Count - run).ToList();
        var evidence = Evidence(F($"operating hours of pledged machine '{source}' per scheduled day"), F($"<= {rules.StoppedHours:0.##} h on {rules.PledgedIdleDays} scheduled days in a row"), idle);
        if (run >= rules.PledgedIdleDays)
        {
            return new(cause, WarningCauses.Production, WarningLevel.Watch, WarningPhase.Active, idle[0].Date, idle[^1].Date,
                F($"pledged machine '{source}' idle for {run} scheduled days since {idle[0].Date:yyyy-MM-dd}"), evidence);
        }

        var last = scheduled.LastOrDefault();
        var phase = last is not null && Hours(last) >= rules.ProducingHours ? WarningPhase.Clear : WarningPhase.Hold;
        return new(cause, WarningCauses.Production, WarningLevel.Watch, phase, null, last?.Date, F($"pledged machine '{source}' ran {Hours(last!) ?? 0:0.#} h on its last scheduled day"), evidence);
    }

    private static int TrailingRun(IReadOnlyList<DayAssessment> days, Func<DayAssessment, bool> test)
    {
        var run = 0;
        for (var i = days.Count - 1; i >= 0 && test(days[i]); i--)
        {
            run++;
        }

        return run;
    }

    private static JsonObject Evidence(string indicator, string threshold, IEnumerable<DayAssessment> days) => new()
    {
        ["indicator"] = indicator,
        ["threshold"] = threshold,
        ["days"] = new JsonArray([.. days.Select(d => (JsonNode)new JsonObject
        {
            ["date"] = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dayType"] = d.DayType.ToString(),
            ["state"] = Name(d.State),
            ["coverage"] = Math.Round(d.Indicators.Coverage, 3),
            ["operatingHours"] = d.Indicators.OperatingHours is { } h ? Math.Round(h, 3) : null,
            ["energyKwh"] = d.Indicators.EnergyKwh is { } e ? Math.Round(e, 3) : null,
            ["activity"] = d.Indicators.Activity is { } a ? Math.Round(a, 4) : null,
            ["tamperMinutes"] = Math.Round(d.TamperMinutes, 1),
            ["reasons"] = new JsonArray([.. d.Reasons.Select(r => (JsonNode)JsonValue.Create(r)!)]),
        })]),
    };

    public static string Name(OperatingState state) => state switch
    {
        OperatingState.Producing => "PRODUCING",
        OperatingState.Idle => "IDLE",
        OperatingState.Stopped => "STOPPED",
        OperatingState.NoData => "NO_DATA",
        OperatingState.SensorFault => "SENSOR_FAULT",
        _ => "TAMPER_SUSPECTED",
    };

    private static string FlagName(IntegrityFlag flag) => flag switch
    {
        IntegrityFlag.EnergyWithoutActivity => "energy_without_activity",
        IntegrityFlag.ActivityWithoutEnergy => "activity_without_energy",
        IntegrityFlag.OutputWithoutEnergy => "output_without_energy",
        _ => "kwh_per_unit_drift",
    };

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
