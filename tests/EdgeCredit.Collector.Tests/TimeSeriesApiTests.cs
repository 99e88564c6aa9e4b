using System.Net;
using System.Text.Json;

namespace EdgeCredit.Collector.Tests;

public sealed class TimeSeriesApiTests(TestCollector collector) : IClassFixture<TestCollector>
{
    [Fact]
    public async Task Stats_WithoutKey_401()
    {
        using var response = await collector.Http.GetAsync(new Uri("/api/v1/timeseries/stats", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stats_SinkDisabled_ReportsDisabledWithZeroLag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/timeseries/stats", UriKind.Relative));
        request.Headers.Add("X-Api-Key", TestCollector.ApiKey);
        using var response = await collector.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.False(json.RootElement.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("lagRows").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("pointsWritten").GetInt64());
        Assert.Equal(20_000, json.RootElement.GetProperty("maxBufferedPoints").GetInt64());
    }

    [Fact]
    public async Task OpenApi_Get_ListsTimeSeriesStats()
    {
        using var response = await collector.Http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/timeseries/stats", out _));
    }
}
