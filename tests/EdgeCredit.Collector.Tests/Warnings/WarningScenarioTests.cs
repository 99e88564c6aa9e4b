using EdgeCredit.Collector.Operations;
using EdgeCredit.Collector.Warnings;

namespace EdgeCredit.Collector.Tests.Warnings;

/// <summary>
/// The injected scenarios on a simulated factory, day by day through ingest, indicators, operating state and
/// the warning rules: five weeks of normal operation build the weekday baselines, then the scenario, then recovery.
/// </summary>
public sealed class WarningScenarioTests
{
    private static readonly DateOnly Monday = new(2026, 9, 7);
    private static readonly DateOnly ScenarioMonday = Monday.AddDays(35);

    [Fact]
    public async Task NormalWeeks_NoWarningAtAll()
    {
        await using var s = await WarningScenario.StartAsync(Monday);

        await s.PlayAsync(Monday, 8 * 7, DayPlan.Normal);

        Assert.Empty(s.All());
        Assert.Equal(OperatingState.Producing, await s.StateAsync(Monday.AddDays(50)));
        Assert.Equal(OperatingState.Stopped, await s.StateAsync(Monday.AddDays(47))); // a Saturday: verified stopped, and no warning
    }

    [Fact]
    public async Task FiveDayHalt_AlertOnTheSecondHaltedDayOnlyThatAndResolvedOnRecovery()
    {
        await using var s = await WarningScenario.StartAsync(Monday);
        await s.PlayAsync(Monday, 35, DayPlan.Normal);

        var next = await s.PlayAsync(ScenarioMonday, 5, DayPlan.Halted);
        next = await s.PlayAsync(next, 2, DayPlan.Normal); // the weekend
        await s.PlayAsync(next, 5, DayPlan.Normal);

        Assert.Equal(OperatingState.Stopped, await s.StateAsync(ScenarioMonday));
        Assert.Empty(s.Changes[ScenarioMonday]);
        Assert.Equal(["opened production_halted (alert)"], s.Changes[ScenarioMonday.AddDays(1)]);
        var warning = Assert.Single(s.All());
        Assert.Equal(WarningCauses.ProductionHalted, warning.Cause);
        Assert.Equal("resolved", warning.Status);
        Assert.Equal("recovered", warning.Disposition);
        Assert.Equal(ScenarioMonday.AddDays(7), s.Changes.Single(c => c.Value.Contains("resolved production_halted")).Key);
        Assert.Contains("verified stop", warning.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FortyPercentDecline_WatchWithinTheSecondWeekNoAlertResolvedOnRecovery()
    {
        await using var s = await WarningScenario.StartAsync(Monday);
        await s.PlayAsync(Monday, 35, DayPlan.Normal);

        var next = ScenarioMonday;
        for (var week = 0; week < 2; week++)
        {
            next = await s.PlayAsync(next, 5, DayPlan.Declined);
            next = await s.PlayAsync(next, 2, DayPlan.Normal);
        }

        await s.PlayAsync(next, 14, DayPlan.Normal);

        var warning = Assert.Single(s.All());
        Assert.Equal(WarningCauses.SharpDecline, warning.Cause);
        Assert.Equal("watch", warning.Level);
        var opened = s.Changes.Single(c => c.Value.Contains("opened sharp_decline (watch)")).Key;
        Assert.InRange(opened, ScenarioMonday.AddDays(4), ScenarioMonday.AddDays(8));
        Assert.Equal("resolved", warning.Status);
        Assert.Equal("recovered", warning.Disposition);
    }

    [Fact]
    public async Task BoxOfflineThreeDays_DataGapNoticeThenWatchNoProductionWarningResolvedWhenBack()
    {
        await using var s = await WarningScenario.StartAsync(Monday);
        await s.PlayAsync(Monday, 35, DayPlan.Normal);

        var next = await s.PlayAsync(ScenarioMonday, 3, DayPlan.Offline);
        await s.PlayAsync(next, 11, DayPlan.Normal);

        Assert.Equal(OperatingState.NoData, await s.StateAsync(ScenarioMonday));
        Assert.Equal(["opened data_gap (notice)"], s.Changes[ScenarioMonday]);
        Assert.Equal(["escalated data_gap"], s.Changes[ScenarioMonday.AddDays(2)]);
        Assert.Equal(["resolved data_gap"], s.Changes[ScenarioMonday.AddDays(3)]);
        var warning = Assert.Single(s.All());
        Assert.Equal(WarningCauses.Data, warning.Category);
        Assert.Equal("watch", warning.Level);
    }

    [Fact]
    public async Task CameraCoveredTwoHours_TamperAlertResolvedAfterTwoCleanDays()
    {
        await using var s = await WarningScenario.StartAsync(Monday);
        await s.PlayAsync(Monday, 35, DayPlan.Normal);

        await s.DayAsync(ScenarioMonday, DayPlan.Tampered);
        await s.PlayAsync(ScenarioMonday.AddDays(1), 6, DayPlan.Normal);

        Assert.Equal(OperatingState.TamperSuspected, await s.StateAsync(ScenarioMonday));
        Assert.Equal(["opened tamper (alert)"], s.Changes[ScenarioMonday]);
        Assert.Equal(["resolved tamper"], s.Changes[ScenarioMonday.AddDays(2)]);
        var warning = Assert.Single(s.All());
        Assert.Contains("120 min", warning.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChinaNationalDayGoldenWeek_NoWarningAndMakeUpDaysScheduled()
    {
        var first = new DateOnly(2026, 8, 31);
        await using var s = await WarningScenario.StartAsync(first, e => e.Calendar.Holidays = "cn");

        await s.PlayAsync(first, 7 * 7, DayPlan.Normal);

        Assert.Empty(s.All());
        Assert.Equal(OperatingState.Stopped, await s.StateAsync(new DateOnly(2026, 10, 5)));
    }

    [Fact]
    public async Task ResolvedByHandDuringAHalt_NotReopenedUntilItClears_AuditNamesTheActor()
    {
        await using var s = await WarningScenario.StartAsync(Monday);
        await s.PlayAsync(Monday, 35, DayPlan.Normal);
        await s.PlayAsync(ScenarioMonday, 2, DayPlan.Halted);
        var open = Assert.Single(s.All());

        Assert.NotNull(s.Engine.Acknowledge(open.Id, "bank-a-key (bank-a)", "calling the owner"));
        Assert.NotNull(s.Engine.Resolve(open.Id, "bank-a-key (bank-a)", "planned_downtime", "annual maintenance"));
        await s.PlayAsync(ScenarioMonday.AddDays(2), 3, DayPlan.Halted);

        var only = Assert.Single(s.All());
        Assert.Equal("planned_downtime", only.Disposition);
        Assert.Equal(["opened", "acknowledged", "resolved"], s.Store.GetAudit(only.Id).Select(a => a.Action).ToArray());
        Assert.Equal("bank-a-key (bank-a)", s.Store.GetAudit(only.Id)[1].Actor);
        var deliveries = s.Webhooks.GetDeliveries("wh_platform", 100).Select(d => d.EventType).Reverse().ToArray();
        Assert.Equal(["warning.opened", "warning.acknowledged", "warning.resolved"], deliveries);
    }
}
