using System.Net;
using System.Text.Json;
using EdgeCredit.Collector.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCredit.Collector.Tests.Indicators;

/// <summary>GET /api/v1/enterprises/{id}/indicators on the real collector app.</summary>
public sealed class IndicatorApiTests(TestCollector collector) : IClassFixture<TestCollector>
{
    [Fact]
    public async Task GetIndicators_WithKey_ReturnsOneRowPerLocalDayWithNullsForMissingData()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/enterprises/{TestBatches.Enterprise}/indicators?from=2026-11-01&to=2026-11-07");
        request.Headers.Add("X-Api-Key", TestCollector.ApiKey);

        using var response = await collector.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var days = json.RootElement.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(7, days.Count);
        Assert.Equal("2026-11-01", days[0].GetProperty("date").GetString());
        Assert.Equal("Weekend", days[0].GetProperty("dayType").GetString());
        Assert.Equal(JsonValueKind.Null, days[0].GetProperty("energyKwh").ValueKind);
        Assert.Equal(0, days[0].GetProperty("coverage").GetDouble());
        Assert.NotNull(collector.Services.GetService<IndicatorEngine>());
    }

    [Theory]
    [InlineData("from=2026-02-30", HttpStatusCode.BadRequest)]
    [InlineData("from=2026-11-08&to=2026-11-01", HttpStatusCode.BadRequest)]
    public async Task GetIndicators_BadDates_ProblemNamingTheParameter(string query, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/enterprises/{TestBatches.Enterprise}/indicators?{query}");
        request.Headers.Add("X-Api-Key", TestCollector.ApiKey);

        using var response = await collector.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("from", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIndicators_WithoutKey_Unauthorized()
    {
        using var response = await collector.Http.GetAsync(new Uri($"/api/v1/enterprises/{TestBatches.Enterprise}/indicators", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheIndicatorsPath()
    {
        var document = await collector.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("/api/v1/enterprises/{id}/indicators", document, StringComparison.Ordinal);
    }
}
