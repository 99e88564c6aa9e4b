using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Collector.Operations;
using EdgeCredit.Collector.Warnings;

namespace EdgeCredit.Collector.Tests.Operations;

/// <summary>The operating state of a day and the cross-checks, on indicator days built by hand (after 5 producing days of 100 kWh with 10 units each).</summary>
public sealed class OperatingStateClassifierTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);
    private static readonly StateThresholds Defaults = new();

    [Fact]
    public void Assess_LowCoverage_NoDataNeverStopped()
    {
        var state = Judge(Day(coverage: 0.1, hours: null, energy: null, activity: null, reporting: 0)).State;
        Assert.Equal(OperatingState.NoData, state);
    }

    [Fact]
    public void Assess_CoveredCameraOverTenMinutes_TamperSuspectedEvenWhileProducing()
    {
        var day = Judge(Day(hours: 8), tamperMinutes: 11);
        Assert.Equal(OperatingState.TamperSuspected, day.State);
        Assert.Contains("11 min", day.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8.0, null)]
    [InlineData(0.0, 3.0)] // output counted
    public void Assess_OperatingHoursOrOutput_Producing(double hours, double? output) =>
        Assert.Equal(OperatingState.Producing, Judge(Day(hours: hours, output: output)).State);

    [Fact]
    public void Assess_QuietFlatCompleteDay_VerifiedStoppedWithReason()
    {
        var day = Judge(Day(hours: 0, energy: 10, activity: 0.0, output: null));
        Assert.Equal(OperatingState.Stopped, day.State);
        Assert.Contains("verified stop", day.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.6, 3, 3, 1.0)] // coverage below 80 %
    [InlineData(1.0, 3, 2, 1.0)] // a source missing
    [InlineData(1.0, 3, 3, 0.5)] // cameras unhealthy half the day
    public void Assess_StopThatCannotBeVerified_SensorFault(double coverage, int expected, int reporting, double healthy)
    {
        var state = Judge(Day(hours: 0, energy: 10, activity: 0, coverage: coverage, expected: expected, reporting: reporting, healthy: healthy)).State;
        Assert.Equal(OperatingState.SensorFault, state);
    }

    [Theory]
    [InlineData(12.0, "SensorFault")] // machines behind workers half their reported time
    [InlineData(2.0, "Stopped")] // a few hours of people in front: the rest was seen quiet
    public void Assess_QuietFlatDayCameraRegionsHiddenBehindPeople_StopVerifiedOnlyWhenSeen(double hiddenHours, string state)
    {
        var expected = Enum.Parse<OperatingState>(state);
        var sources = new[]
        {
            new SourceDay("press-1", 24, 1, 0, "running_seconds", null, null, 0, null, 1, 0, hiddenHours),
            new SourceDay("meter-1", 24, 1, null, null, 10, null, null, null, null, 0),
        };

        var day = Judge(Day(hours: 0, energy: 10, activity: 0, sources: sources));

        Assert.Equal(expected, day.State);
        if (expected == OperatingState.SensorFault)
        {
            Assert.Contains("held behind people 50 %", day.Reasons[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HiddenShare_OnlySourcesThatSendIt_NullWithout()
    {
        SourceDay Region(string name, double reported, double? hidden) => new(name, reported, 1, 0, "running_seconds", null, null, 0, null, 1, 0, hidden);

        Assert.Equal(0.25, OperatingStateClassifier.HiddenShare([Region("press-1", 10, 4), Region("lathe-1", 6, 0), Region("meter-1", 24, null)]));
        Assert.Null(OperatingStateClassifier.HiddenShare([Region("meter-1", 24, null)]));
    }

    [Fact]
    public void HiddenShare_DayTotals_SameAsFromTheLines()
    {
        var totals = new KeyValuePair<string, SourceTotals>[]
        {
            new("lathe-1", new SourceTotals { CoveredSeconds = 21_600, RunningSeconds = 0, HiddenSeconds = 0 }),
            new("meter-1", new SourceTotals { CoveredSeconds = 86_400, EnergyKwh = 10 }),
            new("press-1", new SourceTotals { CoveredSeconds = 36_000, RunningSeconds = 0, HiddenSeconds = 14_400 }),
        };
        var breakdown = new SourceBreakdown(totals, 86_400);

        var fromTotals = OperatingStateClassifier.HiddenShare(breakdown);
        var fromLines = OperatingStateClassifier.HiddenShare([.. breakdown]);

        Assert.Equal(14_400.0 / 57_600, fromTotals!.Value, 9);
        Assert.Equal(fromLines!.Value, fromTotals.Value, 9);
    }

    [Fact]
    public void Assess_NotProducingButDrawingPower_IdleNotStopped() =>
        Assert.Equal(OperatingState.Idle, Judge(Day(hours: 0.5, energy: 60, activity: 0)).State);

    [Fact]
    public void Assess_EnergyLikeAWorkdayWhileHealthyCamerasSeeNothing_EnergyWithoutActivity()
    {
        var day = Judge(Day(hours: 0, energy: 90, activity: 0));
        Assert.Contains(IntegrityFlag.EnergyWithoutActivity, day.Flags);
    }

    [Fact]
    public void Assess_BusyCamerasFlatMeters_ActivityWithoutEnergy()
    {
        var day = Judge(Day(hours: 0, energy: 5, activity: 0.4));
        Assert.Contains(IntegrityFlag.ActivityWithoutEnergy, day.Flags);
    }

    [Fact]
    public void Assess_OutputCountedFlatMeters_OutputWithoutEnergy()
    {
        var day = Judge(Day(hours: 0, energy: 5, activity: 0, output: 12));
        Assert.Contains(IntegrityFlag.OutputWithoutEnergy, day.Flags);
    }

    [Fact]
    public void Assess_KwhPerUnitFarFromItsMedian_Drift()
    {
        var day = Judge(Day(hours: 8, energy: 100, output: 5)); // 20 kWh per unit against 10
        Assert.Contains(IntegrityFlag.KwhPerUnitDrift, day.Flags);
        Assert.Contains(day.Reasons, r => r.Contains("+100%", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_NormalProducingDay_NoFlag() => Assert.Empty(Judge(Day(hours: 8, energy: 100, output: 10, activity: 0.5)).Flags);

    [Fact]
    public void Evaluate_IndustryRules_HaltNeedsTheIndustrysDayCount()
    {
        var options = new WarningOptions();
        options.Industries["steel"] = new WarningRules { HaltDays = 3 };
        var days = Assess([.. History(), Day(hours: 0, energy: 5, activity: 0, date: Monday.AddDays(7)), Day(hours: 0, energy: 5, activity: 0, date: Monday.AddDays(8))], options.RulesFor("steel"));

        var steel = WarningEvaluator.Evaluate(days, options.RulesFor("steel"), []);
        var other = WarningEvaluator.Evaluate(days, options.RulesFor("textiles"), []);

        Assert.Equal(WarningPhase.Hold, steel.Single(c => c.Cause == WarningCauses.ProductionHalted).Phase);
        Assert.Equal(WarningPhase.Active, other.Single(c => c.Cause == WarningCauses.ProductionHalted).Phase);
    }

    [Fact]
    public void Evaluate_PledgedMachineIdleThreeWorkdaysWhileOthersRun_Watch()
    {
        var idlePress = new[] { new SourceDay("press-1", 24, 1, 0, "running_seconds", 1, null, 0, null, null, 0), new SourceDay("lathe-1", 24, 1, 8, "running_seconds", 50, null, 0.5, null, null, 0) };
        var days = Assess([.. History(), .. Enumerable.Range(7, 3).Select(i => Day(hours: 8, energy: 100, date: Monday.AddDays(i), sources: idlePress))], Defaults);

        var pledged = WarningEvaluator.Evaluate(days, new WarningRules(), ["press-1"]).Single(c => c.Cause == "pledged_machine_idle:press-1");

        Assert.Equal(WarningPhase.Active, pledged.Phase);
        Assert.Equal(WarningLevel.Watch, pledged.Level);
    }

    [Fact]
    public void Evaluate_PledgedMachineHiddenBehindWorkersOneOfThreeDays_NoWarningUntilAThirdSeenIdleDay()
    {
        SourceDay[] Press(double hidden) => [new("press-1", 24, 1, 0, "running_seconds", 1, null, 0, null, 1, 0, hidden), new("lathe-1", 24, 1, 8, "running_seconds", 50, null, 0.5, null, null, 0)];
        var week = Enumerable.Range(7, 3).Select(i => Day(hours: 8, energy: 100, date: Monday.AddDays(i), sources: Press(i == 8 ? 20 : 0))).ToList();
        var rules = new WarningRules();

        var hidden = WarningEvaluator.Evaluate(Assess([.. History(), .. week], Defaults), rules, ["press-1"]).Single(c => c.Cause == "pledged_machine_idle:press-1");
        week.Add(Day(hours: 8, energy: 100, date: Monday.AddDays(10), sources: Press(0)));
        var seen = WarningEvaluator.Evaluate(Assess([.. History(), .. week], Defaults), rules, ["press-1"]).Single(c => c.Cause == "pledged_machine_idle:press-1");

        Assert.NotEqual(WarningPhase.Active, hidden.Phase); // two seen idle days, the hidden one not counted
        Assert.Equal(WarningPhase.Active, seen.Phase);
        Assert.Equal(3, seen.Evidence["days"]!.AsArray().Count);
    }

    private static DayAssessment Judge(DailyIndicators day, double tamperMinutes = 0) =>
        OperatingStateClassifier.Assess([.. History(), day], new Dictionary<DateOnly, double> { [day.Date] = tamperMinutes }, Defaults)[^1];

    private static List<DayAssessment> Assess(List<DailyIndicators> days, StateThresholds thresholds) =>
        OperatingStateClassifier.Assess(days, new Dictionary<DateOnly, double>(), thresholds);

    /// <summary>Monday to Friday producing: 8 h, 100 kWh, 10 units, activity 0.5.</summary>
    private static List<DailyIndicators> History() =>
        [.. Enumerable.Range(0, 5).Select(i => Day(hours: 8, energy: 100, output: 10, activity: 0.5, date: Monday.AddDays(i)))];

    private static DailyIndicators Day(
        double? hours,
        double? energy = 10,
        double? activity = 0,
        double? output = null,
        double coverage = 1,
        int expected = 3,
        int reporting = 3,
        double? healthy = 1,
        DateOnly? date = null,
        IReadOnlyList<SourceDay>? sources = null)
    {
        var d = date ?? Monday.AddDays(7);
        return new DailyIndicators(
            "acme", d, d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayType.Weekend : DayType.Workday, null,
            new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), 24, 9, coverage, expected, reporting,
            hours, hours / 9, output, energy, output is > 0 && energy is { } e ? e / output : null, activity, null, healthy, null, null, sources ?? []);
    }
}
