using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCredit.Collector.Webhooks;

namespace EdgeCredit.Collector.Tests;

public sealed class WebhookApiTests(TenantCollector tenants) : IClassFixture<TenantCollector>
{
    private HttpClient Http => tenants.Collector.Http;

    [Fact]
    public async Task CreateAndPing_LenderKey_ReceiverGetsOneSignedPingAndTheLogShowsIt()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();

        using var created = await SendAsync(HttpMethod.Post, "/api/v1/webhooks", TenantCollector.BankAKey, new { url = receiver.Url.ToString(), events = new[] { "ping", "warning.opened" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var subscription = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = subscription.RootElement.GetProperty("id").GetString()!;
        var secret = subscription.RootElement.GetProperty("secret").GetString()!;

        using var ping = await SendAsync(HttpMethod.Post, $"/api/v1/webhooks/{id}/ping", TenantCollector.BankAKey);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var request = await receiver.WaitForAsync(1, TimeSpan.FromSeconds(30));

        Assert.Equal(WebhookEventTypes.Ping, request.Headers["EdgeCredit-Event"]);
        Assert.True(WebhookSignature.Verify(secret, request.Headers[WebhookSignature.HeaderName], request.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        var log = await WaitForDeliveredAsync(id);
        Assert.Equal(1, log.GetProperty("attempts").GetInt32());

        using var list = await SendAsync(HttpMethod.Get, "/api/v1/webhooks", TenantCollector.BankAKey);
        var listed = await list.Content.ReadAsStringAsync();
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherLender_CannotSeePingOrDeleteASubscription()
    {
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/webhooks", TenantCollector.BankAKey, new { url = "http://127.0.0.1:9/hook" });
        using var subscription = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = subscription.RootElement.GetProperty("id").GetString()!;

        using var deliveries = await SendAsync(HttpMethod.Get, $"/api/v1/webhooks/{id}/deliveries", TenantCollector.BankBKey);
        using var ping = await SendAsync(HttpMethod.Post, $"/api/v1/webhooks/{id}/ping", TenantCollector.BankBKey);
        using var delete = await SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{id}", TenantCollector.BankBKey);
        using var list = await SendAsync(HttpMethod.Get, "/api/v1/webhooks", TenantCollector.BankBKey);

        Assert.Equal(HttpStatusCode.NotFound, deliveries.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, ping.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.DoesNotContain(id, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var own = await SendAsync(HttpMethod.Delete, $"/api/v1/webhooks/{id}", TenantCollector.BankAKey);
        Assert.Equal(HttpStatusCode.NoContent, own.StatusCode);
    }

    [Theory]
    [InlineData("ftp://example.com/hook", null, "url")]
    [InlineData("not a url", null, "url")]
    [InlineData("https://example.com/hook", "warning.exploded", "events")]
    public async Task Create_BadField_400NamingIt(string url, string? eventType, string field)
    {
        object body = eventType is null ? new { url } : new { url, events = new[] { eventType } };
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/webhooks", TenantCollector.BankAKey, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, json.RootElement.GetProperty("field").GetString());
    }

    private async Task<JsonElement> WaitForDeliveredAsync(string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, $"/api/v1/webhooks/{id}/deliveries", TenantCollector.BankAKey);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var first = json.RootElement.EnumerateArray().FirstOrDefault();
            if (first.ValueKind == JsonValueKind.Object && first.GetProperty("status").GetString() == "delivered")
            {
                return first.Clone();
            }

            // The receiver has answered; the dispatcher records the attempt right after. Poll the API, bounded by the token.
            await Task.Delay(50, cts.Token);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Http.SendAsync(request);
    }
}
