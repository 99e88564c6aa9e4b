using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCredit.Collector.Warnings;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCredit.Collector.Tests.Warnings;

public sealed class WarningApiTests(TenantCollector tenants) : IClassFixture<TenantCollector>
{
    [Fact]
    public async Task Lifecycle_GrantedLender_AcknowledgesAndResolvesWithDispositionAuditNamesIt()
    {
        var id = OpenWarning("production_halted");

        using var list = await SendAsync(HttpMethod.Get, "/api/v1/warnings?status=active&level=alert", TenantCollector.BankAKey);
        Assert.Contains((await ReadAsync(list)).AsArray(), w => w!["id"]!.GetValue<long>() == id);

        using var ack = await SendAsync(HttpMethod.Post, $"/api/v1/warnings/{id}/acknowledge", TenantCollector.BankAKey, new { note = "called the owner" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("acknowledged", (await ReadAsync(ack))["status"]!.GetValue<string>());
        using var again = await SendAsync(HttpMethod.Post, $"/api/v1/warnings/{id}/acknowledge", TenantCollector.BankAKey, new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var bad = await SendAsync(HttpMethod.Post, $"/api/v1/warnings/{id}/resolve", TenantCollector.BankAKey, new { disposition = "whatever" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("disposition", (await ReadAsync(bad))["parameter"]!.GetValue<string>());

        using var resolved = await SendAsync(HttpMethod.Post, $"/api/v1/warnings/{id}/resolve", TenantCollector.BankAKey, new { disposition = "verified_on_site", note = "visited, line running" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        using var detail = await SendAsync(HttpMethod.Get, $"/api/v1/warnings/{id}", TenantCollector.BankAKey);
        var body = await ReadAsync(detail);
        Assert.Equal("verified_on_site", body["warning"]!["disposition"]!.GetValue<string>());
        var audit = body["audit"]!.AsArray();
        Assert.Equal(["opened", "acknowledged", "resolved"], audit.Select(a => a!["action"]!.GetValue<string>()).ToArray());
        Assert.Equal("bank-a-key (bank-a)", audit[2]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryWarningEndpoint_LenderWithoutValidGrant_404AndNotListed()
    {
        var id = OpenWarning("tamper");

        using var list = await SendAsync(HttpMethod.Get, "/api/v1/warnings", TenantCollector.BankBKey);
        using var one = await SendAsync(HttpMethod.Get, $"/api/v1/warnings/{id}", TenantCollector.BankBKey);
        using var ack = await SendAsync(HttpMethod.Post, $"/api/v1/warnings/{id}/acknowledge", TenantCollector.BankBKey, new { });
        using var resolve = await SendAsync(HttpMethod.Post, $"/api/v1/warnings/{id}/resolve", TenantCollector.BankBKey, new { disposition = "false_alarm" });

        Assert.DoesNotContain(TestBatches.Enterprise, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ack.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, resolve.StatusCode);
        Assert.Equal("open", tenants.Collector.Services.GetRequiredService<WarningStore>().Get(id)!.Status);
    }

    [Theory]
    [InlineData("level=loud", "level")]
    [InlineData("status=closed", "status")]
    [InlineData("category=finance", "category")]
    [InlineData("limit=0", "limit")]
    public async Task List_BadFilter_400NamingIt(string query, string parameter)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/warnings?{query}", TenantCollector.BankAKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, (await ReadAsync(response))["parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task OperatingState_GrantedLender_OneDayPerDateWithStateAndReasons()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/api/v1/enterprises/{TestBatches.Enterprise}/operating-state?from=2026-11-01&to=2026-11-07", TenantCollector.BankAKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var days = (await ReadAsync(response))["days"]!.AsArray();
        Assert.Equal(7, days.Count);
        Assert.All(days, d => Assert.Equal("NO_DATA", d!["state"]!.GetValue<string>())); // nothing was sent for those days: no data, never "stopped"
        Assert.NotEmpty(days[0]!["reasons"]!.AsArray());
    }

    private long OpenWarning(string cause)
    {
        var store = tenants.Collector.Services.GetRequiredService<WarningStore>();
        var condition = new WarningCondition(cause + ":" + Guid.NewGuid().ToString("N")[..6], WarningCauses.Production, WarningLevel.Alert, WarningPhase.Active, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21), "test warning", new JsonObject { ["indicator"] = "test" });
        return store.Open(TestBatches.Enterprise, condition, DateTimeOffset.UtcNow).Warning.Id;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await tenants.Collector.Http.SendAsync(request);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new JsonException("empty body");
}
