using System.Net;
using System.Text;
using System.Text.Json;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Tenancy;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tests;

public sealed class TenancyTests(TenantCollector tenants) : IClassFixture<TenantCollector>
{
    private TestCollector Collector => tenants.Collector;

    [Theory]
    [InlineData(TestCollector.ApiKey, "acme-metal,beta-textile")]
    [InlineData(TenantCollector.BankAKey, "acme-metal")]
    [InlineData(TenantCollector.BankBKey, "beta-textile")]
    [InlineData(TenantCollector.BankCKey, "")]
    public async Task Enterprises_EachKey_ListsOnlyWhatItsGrantsAllowNow(string key, string expected)
    {
        using var json = await GetJsonAsync("/api/v1/enterprises", key);

        var ids = json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToArray();
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), ids);
    }

    [Theory]
    [InlineData(TenantCollector.BankBKey)] // its acme-metal grant expired in 2021
    [InlineData(TenantCollector.BankCKey)] // its acme-metal grant starts next year
    public async Task Signals_GrantNotValidNow_404LikeAnUnknownEnterprise(string key)
    {
        await StoreBothAsync();

        using var refused = await SendAsync(HttpMethod.Get, $"/api/v1/enterprises/{TestBatches.Enterprise}/signals", key);
        using var unknown = await SendAsync(HttpMethod.Get, "/api/v1/enterprises/no-such-enterprise/signals", key);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownJson = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        using var refusedJson = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(unknownJson.RootElement.GetProperty("title").GetString(), refusedJson.RootElement.GetProperty("title").GetString());
        Assert.Equal(
            unknownJson.RootElement.GetProperty("detail").GetString()!.Replace("no-such-enterprise", "ID", StringComparison.Ordinal),
            refusedJson.RootElement.GetProperty("detail").GetString()!.Replace(TestBatches.Enterprise, "ID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signals_ValidGrant_ReturnsTheEnterprisesSignals()
    {
        await StoreBothAsync();

        using var json = await GetJsonAsync($"/api/v1/enterprises/{TenantCollector.OtherEnterprise}/signals", TenantCollector.BankBKey);

        Assert.NotEmpty(json.RootElement.GetProperty("signals").EnumerateArray());
        Assert.All(json.RootElement.GetProperty("signals").EnumerateArray(), s => Assert.Equal(TenantCollector.OtherDevice, s.GetProperty("device").GetString()));
    }

    /// <summary>
    /// Every endpoint the app maps under /api/v1, found from the routing table (so endpoints added later are tried too),
    /// called with bank-b's key: nothing about acme-metal (granted to bank-b only in 2020) may come back.
    /// </summary>
    [Fact]
    public async Task EveryEndpoint_LenderWithoutValidGrant_NeverRevealsTheEnterprise()
    {
        await StoreBothAsync();
        var endpoints = Collector.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToArray();
        var scoped = 0;
        var tried = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var pattern = endpoint.RoutePattern.RawText!;
                var enterpriseScoped = pattern.Contains("{id}", StringComparison.Ordinal) && pattern.StartsWith("/api/v1/enterprises/", StringComparison.Ordinal);
                var path = pattern.Replace("{id}", TestBatches.Enterprise, StringComparison.Ordinal);
                path = System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", "1");
                using var response = await SendAsync(new HttpMethod(method), path, TenantCollector.BankBKey);
                var body = await response.Content.ReadAsStringAsync();
                tried.Add($"{method} {path} -> {(int)response.StatusCode}");
                if (enterpriseScoped)
                {
                    scoped++;
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode} {body}");
                    Assert.Contains("Unknown enterprise", body, StringComparison.Ordinal);
                }
                else
                {
                    Assert.False(body.Contains(TestBatches.Enterprise, StringComparison.Ordinal) || body.Contains(TestBatches.Device, StringComparison.Ordinal), $"{method} {path} revealed {TestBatches.Enterprise}: {body}");
                }
            }
        }

        Assert.True(scoped >= 2, "tried: " + string.Join("; ", tried));
        Assert.Contains(tried, t => t.StartsWith("GET /api/v1/enterprises ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/v1/quarantine")]
    [InlineData("/api/v1/ingest/stats")]
    public async Task OperatorEndpoints_LenderKey_403OperatorKey_200(string path)
    {
        using var lender = await SendAsync(HttpMethod.Get, path, TenantCollector.BankAKey);
        using var operatorResponse = await SendAsync(HttpMethod.Get, path, TestCollector.ApiKey);

        Assert.Equal(HttpStatusCode.Forbidden, lender.StatusCode);
        Assert.Contains("bank-a", await lender.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, operatorResponse.StatusCode);
    }

    [Fact]
    public async Task Devices_LenderKey_OnlyDevicesOfGrantedEnterprises()
    {
        await StoreBothAsync();

        using var json = await GetJsonAsync("/api/v1/devices", TenantCollector.BankBKey);

        var devices = json.RootElement.EnumerateArray().Select(d => d.GetProperty("device").GetString()).ToArray();
        Assert.Equal(new[] { TenantCollector.OtherDevice }, devices.Select(d => d ?? string.Empty));
    }

    [Fact]
    public async Task Access_LenderKey_ShowsOnlyGrantsValidNow()
    {
        using var json = await GetJsonAsync("/api/v1/access", TenantCollector.BankBKey);

        var root = json.RootElement;
        Assert.Equal("lender", root.GetProperty("role").GetString());
        Assert.Equal("bank-b", root.GetProperty("lender").GetString());
        Assert.Equal(new[] { TenantCollector.OtherEnterprise }, root.GetProperty("enterprises").EnumerateArray().Select(e => e.GetString() ?? string.Empty));
        var grant = Assert.Single(root.GetProperty("grants").EnumerateArray());
        Assert.Equal(TenantCollector.OtherEnterprise, grant.GetProperty("enterprise").GetString());
    }

    [Fact]
    public void Validator_BadGrants_NameKeyValueAndFix()
    {
        var registry = new RegistryOptions();
        registry.Devices.Add(new DeviceOptions { Id = "gw-01", Enterprise = "acme-metal" });
        var options = new TenancyOptions();
        options.Lenders.Add(new LenderOptions { Id = "bank-a" });
        options.Lenders.Add(new LenderOptions { Id = "bank-a" });
        options.Grants.Add(new GrantOptions { Lender = "bank-z", Enterprise = "acme-metal" });
        options.Grants.Add(new GrantOptions { Lender = "bank-a", Enterprise = "nobody" });
        options.Grants.Add(new GrantOptions { Lender = "bank-a", Enterprise = "acme-metal", ValidFrom = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), ValidTo = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) });

        var failures = new TenancyOptionsValidator(Options.Create(registry)).Validate(null, options).Failures!.ToArray();

        Assert.Contains(failures, f => f.StartsWith("Tenancy:Lenders:1:Id = 'bank-a'", StringComparison.Ordinal) && f.Contains("only once", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tenancy:Grants:0:Lender = 'bank-z'", StringComparison.Ordinal) && f.Contains("Tenancy:Lenders", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tenancy:Grants:1:Enterprise = 'nobody'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Tenancy:Grants:2:ValidTo", StringComparison.Ordinal) && f.Contains("after ValidFrom", StringComparison.Ordinal));
        Assert.Equal(4, failures.Length);
    }

    [Fact]
    public void Validator_KeyForUnknownLender_NamesKey()
    {
        var tenancy = new TenancyOptions();
        tenancy.Lenders.Add(new LenderOptions { Id = "bank-a" });
        var api = new Api.ApiOptions();
        api.Keys.Add(new Api.ApiKeyOptions { Name = "k", KeyHash = SecretHash.Create("x").ToString(), Lender = "bank-q" });

        var failures = new Api.ApiOptionsValidator(Options.Create(tenancy)).Validate(null, api).Failures!;

        var failure = Assert.Single(failures);
        Assert.StartsWith("Api:Keys:0:Lender = 'bank-q'", failure, StringComparison.Ordinal);
    }

    private async Task StoreBothAsync()
    {
        var ingestor = Collector.Services.GetRequiredService<SignalIngestor>();
        var now = DateTimeOffset.UtcNow;
        var first = await ingestor.IngestSignalsAsync(TestBatches.Message(TestBatches.Payload(TestCollector.NextSequence(), now, signals: 2)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var other = TestBatches.Message(
            TestBatches.Payload(TestCollector.NextSequence(), now, device: TenantCollector.OtherDevice, enterprise: TenantCollector.OtherEnterprise, signals: 2),
            TestBatches.SignalsTopic(TenantCollector.OtherDevice, TenantCollector.OtherEnterprise));
        var second = await ingestor.IngestSignalsAsync(other, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(IngestResult.Stored, first.Result);
        Assert.Equal(IngestResult.Stored, second.Result);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        if (method != HttpMethod.Get)
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await Collector.Http.SendAsync(request);
    }

    private async Task<JsonDocument> GetJsonAsync(string path, string key)
    {
        using var response = await SendAsync(HttpMethod.Get, path, key);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
