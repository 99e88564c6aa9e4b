using System.Net;
using System.Text.Json;
using EdgeCredit.Collector.Profiles;
using EdgeCredit.Collector.Tests.Warnings;

namespace EdgeCredit.Collector.Tests.Profiles;

public sealed class ProfileTests
{
    private static readonly DateOnly Monday = new(2026, 9, 7);

    [Fact]
    public async Task Build_SixNormalWeeks_HighScoreFactorsAddUpNoNegativeReasons()
    {
        await using var s = await WarningScenario.StartAsync(Monday);
        await s.PlayAsync(Monday, 42, DayPlan.Normal);

        var profile = await BuildAsync(s, Monday.AddDays(41));

        Assert.Equal(ProfileBuilder.SchemaName, profile.Schema);
        Assert.Equal(ProfileBuilder.ScoreModel, profile.Score.Model);
        Assert.NotNull(profile.Score.Value);
        Assert.InRange(profile.Score.Value!.Value, 80, 100);
        Assert.Equal(profile.Score.Value.Value, Math.Clamp(profile.Score.Factors.Sum(f => f.Contribution), 0, 100), 1);
        Assert.Empty(profile.Score.ReasonCodes);
        var month = profile.Summaries.Last30Days;
        Assert.Equal(0, month.NoDataDays);
        Assert.Equal(month.ScheduledDays, month.ProducingDays);
        Assert.Equal(8.1 * month.ScheduledDays, month.OperatingHours!.Value, 6);
        Assert.Null(month.Output); // no counter: not measured, so not zero
        Assert.Null(month.KwhPerUnit);
        Assert.Equal("good", profile.DataQuality.Assessment);
    }

    [Fact]
    public async Task Build_HaltAndOfflineDays_ScoreDropsReasonsWorstFirstMissingDaysNotZero()
    {
        await using var s = await WarningScenario.StartAsync(Monday);
        await s.PlayAsync(Monday, 35, DayPlan.Normal);
        var next = await s.PlayAsync(Monday.AddDays(35), 3, DayPlan.Offline);
        next = await s.PlayAsync(next, 2, DayPlan.Normal);
        next = await s.PlayAsync(next, 2, DayPlan.Normal);
        await s.PlayAsync(next, 4, DayPlan.Halted);

        var before = await BuildAsync(s, Monday.AddDays(34));
        var after = await BuildAsync(s, next.AddDays(3));

        Assert.True(after.Score.Value < before.Score.Value - 20, $"{before.Score.Value} -> {after.Score.Value}");
        Assert.Contains("OPEN_WARNINGS", after.Score.ReasonCodes);
        Assert.Contains("STOPPED_DAYS", after.Score.ReasonCodes);
        Assert.Contains("TREND", after.Score.ReasonCodes);
        var contributions = after.Score.ReasonCodes.Select(c => after.Score.Factors.FirstOrDefault(f => f.Code == c)?.Contribution ?? 0).Where(c => c < 0).ToArray();
        Assert.Equal(contributions.Order().ToArray(), contributions); // worst first
        Assert.Contains(after.OpenWarnings, w => w.Cause == "production_halted" && w.Level == "alert");
        Assert.Equal(3, after.Summaries.Last30Days.NoDataDays);
        Assert.Equal(4, after.Summaries.Last7Days.StoppedScheduledDays);
        Assert.True(after.DataQuality.Coverage30Days < 0.95);
    }

    [Fact]
    public async Task Build_ThreeDaysOfData_NoScoreInsufficientData()
    {
        await using var s = await WarningScenario.StartAsync(Monday);
        await s.PlayAsync(Monday, 3, DayPlan.Normal);

        var profile = await BuildAsync(s, Monday.AddDays(2));

        Assert.Null(profile.Score.Value);
        Assert.Equal(["INSUFFICIENT_DATA"], profile.Score.ReasonCodes);
    }

    private static async Task<CreditProfile> BuildAsync(WarningScenario s, DateOnly asOf)
    {
        var days = await s.Engine.AssessAsync(TestBatches.Enterprise, asOf.AddDays(-89), asOf, CancellationToken.None);
        var open = s.Store.GetOpen(TestBatches.Enterprise).Values.ToArray();
        return ProfileBuilder.Build(new ProfileIdentity(TestBatches.Enterprise, "Acme", null, "UTC"), days, open, [], DateTimeOffset.UtcNow);
    }
}

public sealed class ProfileApiTests(TenantCollector tenants) : IClassFixture<TenantCollector>
{
    [Fact]
    public async Task Profile_GrantedLender_DocumentWithScoreModelAndDevices()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/enterprises/{TestBatches.Enterprise}/profile?refresh=true");
        request.Headers.Add("X-Api-Key", TenantCollector.BankAKey);
        using var response = await tenants.Collector.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(ProfileBuilder.SchemaName, root.GetProperty("schema").GetString());
        Assert.Equal(TestBatches.Enterprise, root.GetProperty("enterprise").GetProperty("id").GetString());
        Assert.Equal(ProfileBuilder.ScoreModel, root.GetProperty("score").GetProperty("model").GetString());
        Assert.Equal(2, root.GetProperty("devices").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("score").GetProperty("value").ValueKind); // no history: no score, not a zero
    }
}
