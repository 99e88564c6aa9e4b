using System.Globalization;
using EdgeCredit.Collector.Operations;
using EdgeCredit.Collector.Warnings;

namespace EdgeCredit.Collector.Profiles;

/// <summary>
/// Builds an enterprise's credit profile from its assessed days (the last 90, oldest first), its open warnings and
/// its devices; pure. The operating score is a sum of named contributions, each with its input and explanation, so a
/// lender can see why a score is what it is; the reason codes list the factors that pulled it down, worst first.
/// </summary>
internal static class ProfileBuilder
{
    public const string SchemaName = "edgecredit.profile/1";
    public const string ScoreModel = "ops-score/2026-11";

    /// <summary>Scheduled days with data in the last 30 needed for a score.</summary>
    public const int MinScoredDays = 5;

    public static CreditProfile Build(ProfileIdentity identity, IReadOnlyList<DayAssessment> days, IReadOnlyList<WarningRecord> openWarnings, IReadOnlyList<ProfileDevice> devices, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(openWarnings);
        ArgumentNullException.ThrowIfNull(devices);
        var asOf = days.Count > 0 ? days[^1].Date : DateOnly.FromDateTime(generatedAt.UtcDateTime).AddDays(-1);
        var last7 = Last(days, 7);
        var last30 = Last(days, 30);
        var last90 = Last(days, 90);
        var summaries = new ProfileSummaries(Summarize(last7, asOf, 7), Summarize(last30, asOf, 30), Summarize(last90, asOf, 90));
        var trend = TrendOf(last30);
        var quality = Quality(summaries, last30);
        var warnings = openWarnings.Select(w => new ProfileWarning(w.Id, w.Cause, w.Category, w.Level, w.Status, w.Summary, w.OpenedAt)).ToArray();
        return new CreditProfile(SchemaName, identity, generatedAt, asOf, devices, summaries, trend, Score(summaries.Last30Days, trend, warnings, quality), warnings, quality);
    }

    private static List<DayAssessment> Last(IReadOnlyList<DayAssessment> days, int count) => days.Skip(Math.Max(0, days.Count - count)).ToList();

    /// <summary>One pass over the period's days: counts by state, sums and means of what was measured (null if nothing was).</summary>
    private static PeriodSummary Summarize(List<DayAssessment> days, DateOnly asOf, int length)
    {
        int scheduled = 0, producing = 0, idle = 0, stoppedScheduled = 0, noData = 0, fault = 0, tamper = 0;
        Total hours = default, output = default, energy = default, people = default, utilization = default, activity = default;
        var coverage = 0.0;
        foreach (var day in days)
        {
            var d = day.Indicators;
            coverage += d.Coverage;
            switch (day.State)
            {
                case OperatingState.Producing: producing++; break;
                case OperatingState.Idle: idle++; break;
                case OperatingState.NoData: noData++; break;
                case OperatingState.SensorFault: fault++; break;
                case OperatingState.TamperSuspected: tamper++; break;
                case OperatingState.Stopped when day.Scheduled: stoppedScheduled++; break;
            }

            if (day.Scheduled)
            {
                scheduled++;
            }

            if (day.State == OperatingState.NoData)
            {
                continue;
            }

            hours.Add(d.OperatingHours);
            output.Add(d.Output);
            energy.Add(d.EnergyKwh);
            people.Add(d.PeopleHours);
            activity.Add(d.Activity);
            if (day.Scheduled)
            {
                utilization.Add(d.Utilization);
            }
        }

        var outputSum = output.Sum;
        var energySum = energy.Sum;
        return new PeriodSummary(
            asOf.AddDays(1 - length),
            asOf,
            days.Count,
            scheduled,
            producing,
            idle,
            stoppedScheduled,
            noData,
            fault,
            tamper,
            hours.Sum,
            utilization.Mean,
            outputSum,
            energySum,
            outputSum is > 0 && energySum is { } e ? Math.Round(e / outputSum.Value, 4) : null,
            activity.Mean,
            people.Sum,
            days.Count == 0 ? 0 : coverage / days.Count);
    }

    /// <summary>A running sum of the values that were measured; null sum and mean when none was.</summary>
    private struct Total
    {
        private double _sum;
        private int _count;

        public readonly double? Sum => _count == 0 ? null : Math.Round(_sum, 3);

        public readonly double? Mean => _count == 0 ? null : Math.Round(_sum / _count, 4);

        public void Add(double? value)
        {
            if (value is { } v)
            {
                _sum += v;
                _count++;
            }
        }
    }

    private static ProfileTrend TrendOf(List<DayAssessment> days)
    {
        var hours = days.Where(d => d.Scheduled && d.Indicators.OperatingHoursTrend is { BaselineMedian: > 0 } && d.Indicators.OperatingHours is not null).ToList();
        var energy = days.Where(d => d.Scheduled && d.Indicators.EnergyTrend is { BaselineMedian: > 0 } && d.Indicators.EnergyKwh is not null).ToList();
        return new ProfileTrend(
            hours.Count == 0 ? null : Math.Round(hours.Sum(d => d.Indicators.OperatingHours!.Value) / hours.Sum(d => d.Indicators.OperatingHoursTrend!.BaselineMedian), 3),
            energy.Count == 0 ? null : Math.Round(energy.Sum(d => d.Indicators.EnergyKwh!.Value) / energy.Sum(d => d.Indicators.EnergyTrend!.BaselineMedian), 3),
            Math.Max(hours.Count, energy.Count));
    }

    private static DataQuality Quality(ProfileSummaries s, List<DayAssessment> last30)
    {
        var flagged = 0L;
        foreach (var day in last30)
        {
            flagged += day.Indicators.Sources is Indicators.SourceBreakdown breakdown ? breakdown.FlaggedSignals : day.Indicators.Sources.Sum(x => x.FlaggedSignals);
        }

        var c30 = s.Last30Days.MeanCoverage;
        var assessment = c30 >= 0.95 ? "good" : c30 >= 0.8 ? "fair" : c30 >= 0.25 ? "poor" : "no_data";
        return new DataQuality(Round(s.Last7Days.MeanCoverage), Round(c30), Round(s.Last90Days.MeanCoverage), s.Last30Days.NoDataDays, s.Last30Days.SensorFaultDays, flagged, assessment);
    }

    /// <summary>
    /// Base 35, plus: utilization up to +25 (full at 60 % of scheduled hours), producing share of scheduled days up to
    /// +20, trend -15..+10, coverage up to +10; minus 3 per verified stopped scheduled day (to -15), minus 10/5/1 per open
    /// Alert/Watch/Notice (to -30), minus 10 if a camera was tampered with. Clamped to 0..100.
    /// </summary>
    private static OperatingScore Score(PeriodSummary m, ProfileTrend trend, IReadOnlyList<ProfileWarning> warnings, DataQuality quality)
    {
        var scoredDays = m.ScheduledDays - m.NoDataDays;
        var producingShare = m.ScheduledDays == 0 ? (double?)null : (double)m.ProducingDays / m.ScheduledDays;
        if (scoredDays < MinScoredDays || m.MeanUtilization is null)
        {
            return new OperatingScore(null, ScoreModel, [], ["INSUFFICIENT_DATA"]);
        }

        var alerts = warnings.Count(w => w.Level == "alert");
        var watches = warnings.Count(w => w.Level == "watch");
        var notices = warnings.Count(w => w.Level == "notice");
        var factors = new List<ScoreFactor>
        {
            new("BASE", 35, null, "starting point of every score"),
            new("UTILIZATION", Math.Min(25, 25 * m.MeanUtilization.Value / 0.6), Round(m.MeanUtilization.Value), F($"mean utilization {m.MeanUtilization:P0} of scheduled hours over 30 days (full marks from 60 %)")),
            new("PRODUCING_DAYS", 20 * (producingShare ?? 0), producingShare is { } p ? Round(p) : null, F($"{m.ProducingDays} of {m.ScheduledDays} scheduled days producing")),
            new("TREND", trend.OperatingHoursRatio is { } r ? Math.Clamp((r - 1) * 50, -15, 10) : 0, trend.OperatingHoursRatio, trend.OperatingHoursRatio is { } ratio ? F($"operating hours at {ratio:P0} of the weekday-aware baseline over {trend.DaysWithBaseline} days") : "no baseline yet"),
            new("DATA_COVERAGE", 10 * quality.Coverage30Days, quality.Coverage30Days, F($"{quality.Coverage30Days:P0} of the expected source-minutes reported over 30 days")),
            new("STOPPED_DAYS", -Math.Min(15, 3 * m.StoppedScheduledDays), m.StoppedScheduledDays, F($"{m.StoppedScheduledDays} scheduled days verified stopped in 30 days")),
            new("OPEN_WARNINGS", -Math.Min(30, (10 * alerts) + (5 * watches) + notices), warnings.Count, F($"{alerts} alert, {watches} watch, {notices} notice open")),
            new("TAMPER", m.TamperDays > 0 ? -10 : 0, m.TamperDays, F($"{m.TamperDays} days with a camera tampered with in 30 days")),
        };
        factors = [.. factors.Select(f => f with { Contribution = Math.Round(f.Contribution, 2) })];
        var value = Math.Round(Math.Clamp(factors.Sum(f => f.Contribution), 0, 100), 1);
        var reasons = factors.Where(f => f.Code != "BASE" && f.Contribution < 0).OrderBy(f => f.Contribution).Select(f => f.Code).ToList();
        if (factors.Single(f => f.Code == "UTILIZATION").Contribution < 12.5)
        {
            reasons.Add("LOW_UTILIZATION");
        }

        return new OperatingScore(value, ScoreModel, factors, reasons);
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
