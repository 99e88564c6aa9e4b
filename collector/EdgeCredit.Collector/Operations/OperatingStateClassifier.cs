using System.Globalization;
using EdgeCredit.Collector.Indicators;

namespace EdgeCredit.Collector.Operations;

/// <summary>
/// Judges each day's <see cref="OperatingState"/> and cross-check flags from its indicators; pure. In order: too little
/// coverage is NO_DATA; tamper minutes over the threshold is TAMPER_SUSPECTED; operating hours or output is PRODUCING;
/// a stop is STOPPED only when verified (coverage, every expected source, meters flat, cameras healthy and quiet; at
/// least meters or cameras present, camera regions seen rather than held behind people); data that cannot verify it is
/// SENSOR_FAULT; the rest is IDLE.
/// </summary>
internal static class OperatingStateClassifier
{
    /// <summary>Earlier days (with output) whose kWh per unit make the drift baseline.</summary>
    private const int KwhPerUnitBaselineDays = 20;
    private const int KwhPerUnitMinDays = 4;

    /// <param name="days">Consecutive local days, oldest first (earlier days feed the kWh-per-unit baseline).</param>
    /// <param name="tamperMinutes">Minutes of tamper conditions per local day.</param>
    /// <param name="thresholds">The enterprise's thresholds (its industry's).</param>
    public static List<DayAssessment> Assess(IReadOnlyList<DailyIndicators> days, IReadOnlyDictionary<DateOnly, double> tamperMinutes, StateThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(tamperMinutes);
        ArgumentNullException.ThrowIfNull(thresholds);
        var result = new List<DayAssessment>(days.Count);
        var perUnit = new RollingMedian(KwhPerUnitBaselineDays);
        var producingEnergy = new RollingMedian(KwhPerUnitBaselineDays);
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var tamper = tamperMinutes.GetValueOrDefault(day.Date);
            double? reference = producingEnergy.Count >= KwhPerUnitMinDays ? producingEnergy.Median : null;
            double? perUnitMedian = perUnit.Count >= KwhPerUnitMinDays ? perUnit.Median : null;
            var basis = new AssessmentBasis(thresholds, reference, perUnitMedian, perUnit.Count);
            var state = Classify(day, tamper, basis, null);
            var flags = CrossCheck(day, basis, null);
            result.Add(new DayAssessment(day.Date, day.DayType, state, basis, flags, tamper, day));
            if (state == OperatingState.Producing)
            {
                if (day.KwhPerUnit is { } kwhPerUnit)
                {
                    perUnit.Add(kwhPerUnit);
                }

                if (day.EnergyKwh is { } energy)
                {
                    producingEnergy.Add(energy);
                }
            }
        }

        return result;
    }

    /// <summary>The reasons for a day's state and flags, worded from the same evidence the judgement used.</summary>
    public static IReadOnlyList<string> Explain(DayAssessment assessed)
    {
        ArgumentNullException.ThrowIfNull(assessed);
        var reasons = new List<string>();
        Classify(assessed.Indicators, assessed.TamperMinutes, assessed.Basis, reasons);
        CrossCheck(assessed.Indicators, assessed.Basis, reasons);
        return reasons;
    }

    private static OperatingState Classify(DailyIndicators day, double tamperMinutes, AssessmentBasis basis, List<string>? reasons)
    {
        var (t, producingEnergy) = (basis.Thresholds, basis.ProducingEnergy);
        if (day.Coverage < t.NoDataCoverage)
        {
            reasons?.Add(F($"coverage {day.Coverage:P0} < {t.NoDataCoverage:P0}: {day.ReportingSources} of {day.ExpectedSources} sources reported"));
            return OperatingState.NoData;
        }

        if (tamperMinutes >= t.TamperMinutes)
        {
            reasons?.Add(F($"camera covered, moved, frozen or looped for {tamperMinutes:0} min >= {t.TamperMinutes:0} min"));
            return OperatingState.TamperSuspected;
        }

        if (day.OperatingHours >= t.ProducingHours || day.Output > 0)
        {
            reasons?.Add(day.Output > 0
                ? F($"output {day.Output:0.#} counted; operating hours {Show(day.OperatingHours)}")
                : F($"operating hours {day.OperatingHours:0.0} >= {t.ProducingHours:0.0}"));
            return OperatingState.Producing;
        }

        var complete = day.Coverage >= t.VerifiedCoverage && day.ReportingSources >= day.ExpectedSources;
        var camerasHealthy = day.CameraHealthy is not { } healthy || healthy >= t.HealthyCamera;
        var hidden = HiddenShare(day.Sources);
        var camerasSeen = hidden is not { } h || h <= t.HiddenCamera;
        if (!complete || !camerasHealthy || !camerasSeen)
        {
            if (!complete)
            {
                reasons?.Add(F($"coverage {day.Coverage:P0} with {day.ReportingSources} of {day.ExpectedSources} sources: a stop cannot be verified below {t.VerifiedCoverage:P0} or with a source missing"));
            }

            if (!camerasHealthy)
            {
                reasons?.Add(F($"cameras healthy {day.CameraHealthy:P0} of the time < {t.HealthyCamera:P0}"));
            }

            if (!camerasSeen)
            {
                reasons?.Add(F($"camera regions held behind people {hidden:P0} of their time > {t.HiddenCamera:P0}: they did not see the machines"));
            }

            return OperatingState.SensorFault;
        }

        var flatLimit = FlatLimit(producingEnergy, t);
        var metersFlat = day.EnergyKwh is not { } kwh || kwh <= flatLimit;
        var quiet = day.Activity is not { } activity || activity <= t.QuietActivity;
        var witnessed = day.EnergyKwh is not null || day.Activity is not null;
        if (witnessed && metersFlat && quiet && (day.OperatingHours ?? 0) <= t.StoppedHours)
        {
            reasons?.Add(F($"verified stop: operating hours {Show(day.OperatingHours)} <= {t.StoppedHours:0.##}, energy {Show(day.EnergyKwh)} kWh <= {flatLimit:0.#}, activity {Show(day.Activity)} <= {t.QuietActivity:0.##}, coverage {day.Coverage:P0}"));
            return OperatingState.Stopped;
        }

        reasons?.Add(F($"not producing (operating hours {Show(day.OperatingHours)} < {t.ProducingHours:0.0}) but not verified stopped: energy {Show(day.EnergyKwh)} kWh (flat <= {flatLimit:0.#}), activity {Show(day.Activity)} (quiet <= {t.QuietActivity:0.##})"));
        return OperatingState.Idle;
    }

    /// <summary>
    /// Σ hidden hours / Σ reported hours of the sources that send <c>hidden_seconds</c> (camera machine and conveyor
    /// regions), or null when none does.
    /// </summary>
    public static double? HiddenShare(IEnumerable<SourceDay> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources is SourceBreakdown breakdown)
        {
            return breakdown.HiddenShare; // from the day's totals, without making its lines
        }

        double hidden = 0, reported = 0;
        foreach (var source in sources)
        {
            if (source.HiddenHours is { } h && source.ReportedHours > 0)
            {
                hidden += h;
                reported += source.ReportedHours;
            }
        }

        return reported > 0 ? Math.Min(1, hidden / reported) : null;
    }

    private static IReadOnlyList<IntegrityFlag> CrossCheck(DailyIndicators day, AssessmentBasis basis, List<string>? reasons)
    {
        var (t, producingEnergy, perUnitMedian, perUnitDays) = (basis.Thresholds, basis.ProducingEnergy, basis.KwhPerUnitMedian, basis.KwhPerUnitDays);
        List<IntegrityFlag>? flags = null;
        if (day.Coverage < t.VerifiedCoverage)
        {
            return [];
        }

        var baseline = producingEnergy;
        var flat = day.EnergyKwh is { } energy && energy <= FlatLimit(producingEnergy, t);
        var camerasHealthy = day.CameraHealthy is { } healthy && healthy >= t.HealthyCamera;
        if (day.EnergyKwh is { } kwh && baseline is > 0 && kwh >= t.WorkingEnergyShare * baseline && camerasHealthy && day.Activity is { } quiet && quiet <= t.QuietActivity)
        {
            (flags ??= []).Add(IntegrityFlag.EnergyWithoutActivity);
            reasons?.Add(F($"cross-check: energy {kwh:0.#} kWh >= {t.WorkingEnergyShare:P0} of a producing day's {baseline:0.#} while healthy cameras saw activity {quiet:0.###}"));
        }

        if (flat && day.Activity is { } busy && busy >= t.BusyActivity && camerasHealthy)
        {
            (flags ??= []).Add(IntegrityFlag.ActivityWithoutEnergy);
            reasons?.Add(F($"cross-check: activity {busy:0.###} >= {t.BusyActivity:0.##} while energy {day.EnergyKwh:0.#} kWh stayed flat"));
        }

        if (flat && day.Output > 0)
        {
            (flags ??= []).Add(IntegrityFlag.OutputWithoutEnergy);
            reasons?.Add(F($"cross-check: output {day.Output:0.#} counted while energy {day.EnergyKwh:0.#} kWh stayed flat"));
        }

        if (day.KwhPerUnit is { } perUnitNow && perUnitMedian is { } median)
        {
            if (median > 0 && Math.Abs((perUnitNow / median) - 1) > t.KwhPerUnitDrift)
            {
                (flags ??= []).Add(IntegrityFlag.KwhPerUnitDrift);
                reasons?.Add(F($"cross-check: {perUnitNow:0.###} kWh per unit, {(perUnitNow / median) - 1:+0%;-0%} from its median {median:0.###} of the last {perUnitDays} producing days (limit ±{t.KwhPerUnitDrift:P0})"));
            }
        }

        return flags ?? (IReadOnlyList<IntegrityFlag>)[];
    }

    /// <summary>Flat meters: at most a share of a producing day's energy (median of the recent producing days), else an absolute floor.</summary>
    private static double FlatLimit(double? producingEnergy, StateThresholds t) =>
        producingEnergy is > 0 and var median ? t.FlatEnergyShare * median : t.FlatEnergyKwh;

    private static string Show(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "none";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
