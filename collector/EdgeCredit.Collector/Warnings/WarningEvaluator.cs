using System.Globalization;
using System.Text.Json.Nodes;
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
            .Select(d => (Day: d, Trend: d.Indicators.OperatingHoursTrend ?? d.Indicators.EnergyTrend, Value: d.Indicators.OperatingHoursTrend is not null ? d.Indicators.OperatingHours : d.Indicators.EnergyKwh))
            .Where(x => x.Trend is { BaselineMedian: > 0 } && x.Value is not null)
            .ToList();
        var evidence = new JsonObject
        {
            ["indicator"] = "operating hours (energy where no machine reports running time) against the weekday-aware baseline median",
            ["threshold"] = F($"opens at <= {rules.DeclineEntryRatio:P0} of baseline over the producing or idle days among the last {rules.DeclineWindowDays} scheduled days (at least {rules.DeclineMinDays}), resolves at >= {rules.DeclineExitRatio:P0}"),
            ["days"] = new JsonArray([.. window.Select(x => (JsonNode)new JsonObject
            {
                ["date"] = x.Day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["value"] = Math.Round(x.Value!.Value, 3),
                ["baselineMedian"] = Math.Round(x.Trend!.BaselineMedian, 3),
                ["baselineDays"] = x.Trend.BaselineDays,
            })]),
        };
        if (window.Count < rules.DeclineMinDays || halted)
        {
            return new(WarningCauses.SharpDecline, WarningCauses.Production, WarningLevel.Watch, WarningPhase.Hold, null, null,
                halted ? "production halted (that warning covers it)" : F($"{window.Count} scheduled days with verified data and a baseline, {rules.DeclineMinDays} needed"), evidence);
        }

        var ratio = window.Sum(x => x.Value!.Value) / window.Sum(x => x.Trend!.BaselineMedian);
        evidence["ratio"] = Math.Round(ratio, 3);
        var phase = ratio <= rules.DeclineEntryRatio ? WarningPhase.Active : ratio >= rules.DeclineExitRatio ? WarningPhase.Clear : WarningPhase.Hold;
        return new(WarningCauses.SharpDecline, WarningCauses.Production, WarningLevel.Watch, phase, window[0].Day.Date, window[^1].Day.Date,
            F($"activity at {ratio:P0} of its baseline over the last {window.Count} scheduled days ({1 - ratio:P0} decline)"), evidence);
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
        var scheduled = days.Where(d => d.Scheduled && d.State is not (OperatingState.NoData or OperatingState.SensorFault)).ToList();
        double? Hours(DayAssessment d) => d.Indicators.Sources.FirstOrDefault(s => s.Source == source)?.OperatingHours;
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
