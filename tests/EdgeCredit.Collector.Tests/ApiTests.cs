using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EdgeCredit.Collector.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCredit.Collector.Tests;

public sealed class ApiTests(TestCollector collector) : IClassFixture<TestCollector>
{
    [Theory]
    [InlineData("/api/v1/devices")]
    [InlineData("/api/v1/enterprises")]
    [InlineData("/api/v1/ingest/stats")]
    public async Task Get_WithoutKey_401ProblemNamingHeader(string path)
    {
        using var response = await collector.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WrongKey_401()
    {
        using var response = await SendAsync("/api/v1/devices", key: "nope");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_BearerKey_Ok()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/devices");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestCollector.ApiKey);
        using var response = await collector.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_NoKey_ReportsBrokerQueueAndDatabase()
    {
        using var json = await GetJsonAsync("/healthz", key: null);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("embedded", json.RootElement.GetProperty("brokerMode").GetString());
        Assert.True(json.RootElement.GetProperty("databaseReachable").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("ingestQueueDepth").GetInt32());
    }

    [Fact]
    public async Task Signals_AfterIngest_ShapeAndOrder()
    {
        var sequence = await StoreBatchAsync();

        using var json = await GetJsonAsync($"/api/v1/enterprises/{TestBatches.Enterprise}/signals?kind=energy&limit=100000");

        var root = json.RootElement;
        Assert.Equal(TestBatches.Enterprise, root.GetProperty("enterprise").GetString());
        var signals = root.GetProperty("signals").EnumerateArray().ToArray();
        Assert.Equal(signals.Length, root.GetProperty("count").GetInt32());
        var mine = signals.Where(s => s.GetProperty("sequence").GetInt64() == sequence).ToArray();
        Assert.Equal(2, mine.Length);
        Assert.All(mine, s =>
        {
            Assert.Equal("energy", s.GetProperty("kind").GetString());
            Assert.Equal("kWh", s.GetProperty("unit").GetString());
            Assert.Equal("good", s.GetProperty("quality").GetString());
            Assert.Equal(TestBatches.Device, s.GetProperty("device").GetString());
            Assert.True(s.GetProperty("end").GetDateTimeOffset() > s.GetProperty("start").GetDateTimeOffset());
        });
        var starts = signals.Select(s => s.GetProperty("start").GetDateTimeOffset()).ToArray();
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public async Task Devices_AfterIngest_ListsRegistryDevicesWithSequences()
    {
        var sequence = await StoreBatchAsync();

        using var json = await GetJsonAsync("/api/v1/devices");

        var devices = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal([TestBatches.Device, TestBatches.OtherDevice], devices.Select(d => d.GetProperty("device").GetString()).Order());
        var gw01 = devices.Single(d => d.GetProperty("device").GetString() == TestBatches.Device);
        Assert.Equal(TestBatches.Enterprise, gw01.GetProperty("enterprise").GetString());
        Assert.True(gw01.GetProperty("lastSequence").GetInt64() >= sequence);
        Assert.True(gw01.GetProperty("storedBatches").GetInt64() >= 1);
        Assert.True(gw01.TryGetProperty("online", out _));
        Assert.True(gw01.TryGetProperty("lastSeen", out _));
        Assert.True(gw01.TryGetProperty("firstSequence", out _));
        Assert.True(gw01.TryGetProperty("outboxDepth", out _));
    }

    [Fact]
    public async Task Enterprises_AfterIngest_NameDevicesAndLastSignalEnd()
    {
        await StoreBatchAsync();

        using var json = await GetJsonAsync("/api/v1/enterprises");

        var acme = json.RootElement.EnumerateArray().Single();
        Assert.Equal(TestBatches.Enterprise, acme.GetProperty("id").GetString());
        Assert.Equal("Acme Metal Works", acme.GetProperty("name").GetString());
        Assert.Equal(2, acme.GetProperty("devices").GetInt32());
        Assert.True(acme.GetProperty("lastSignalEnd").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-45", "to")]
    [InlineData("kind=watts", "kind")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100001", "limit")]
    [InlineData("from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    public async Task Signals_BadParameter_400NamingIt(string query, string parameter)
    {
        using var response = await SendAsync($"/api/v1/enterprises/{TestBatches.Enterprise}/signals?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
        Assert.Contains(parameter, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signals_UnknownEnterprise_404()
    {
        using var response = await SendAsync("/api/v1/enterprises/nobody/signals");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Quarantine_BadReason_400()
    {
        using var response = await SendAsync("/api/v1/quarantine?reason=whatever");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task QuarantineAndStats_AfterRefusedMessage_ShowReason()
    {
        var ingestor = collector.Services.GetRequiredService<SignalIngestor>();
        await ingestor.IngestSignalsAsync(TestBatches.Message(TestBatches.Utf8("{oops")), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        using var quarantine = await GetJsonAsync("/api/v1/quarantine?reason=not_json&limit=10");
        using var stats = await GetJsonAsync("/api/v1/ingest/stats");

        var record = quarantine.RootElement.EnumerateArray().First();
        Assert.Equal("not_json", record.GetProperty("reason").GetString());
        Assert.Equal(5, record.GetProperty("payloadBytes").GetInt64());
        Assert.True(stats.RootElement.GetProperty("quarantined").GetProperty("not_json").GetInt64() >= 1);
        Assert.True(stats.RootElement.TryGetProperty("queueDepth", out _));
        Assert.True(stats.RootElement.TryGetProperty("receiptsSent", out _));
        Assert.True(stats.RootElement.TryGetProperty("receiptsDropped", out _));
    }

    [Fact]
    public async Task OpenApi_Get_ServesDocumentWithEndpoints()
    {
        using var json = await GetJsonAsync("/openapi/v1.json", key: null);
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/enterprises/{id}/signals", out _));
        Assert.True(paths.TryGetProperty("/healthz", out _));
    }

    /// <summary>OpenAPI kept complete: every endpoint the app maps (from the routing table) is in the document, with its method.</summary>
    [Fact]
    public async Task OpenApi_EveryMappedEndpoint_IsInTheDocumentWithItsMethod()
    {
        using var json = await GetJsonAsync("/openapi/v1.json", key: null);
        var paths = json.RootElement.GetProperty("paths");
        var endpoints = collector.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToArray();
        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            // OpenAPI writes {warning} for a constrained {warning:long}.
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, "\\{([^}:]+):[^}]+\\}", "{$1}").TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out _))
                {
                    missing.Add($"{method} {path}");
                }
            }
        }

        Assert.True(endpoints.Length >= 15, $"only {endpoints.Length} endpoints found");
        Assert.Empty(missing);
    }

    private async Task<long> StoreBatchAsync()
    {
        var sequence = TestCollector.NextSequence();
        var ingestor = collector.Services.GetRequiredService<SignalIngestor>();
        var outcome = await ingestor.IngestSignalsAsync(TestBatches.Message(TestBatches.Payload(sequence, DateTimeOffset.UtcNow, signals: 4)), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(IngestResult.Stored, outcome.Result);
        return sequence;
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? key = TestCollector.ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return await collector.Http.SendAsync(request);
    }

    private async Task<JsonDocument> GetJsonAsync(string path, string? key = TestCollector.ApiKey)
    {
        using var response = await SendAsync(path, key);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
