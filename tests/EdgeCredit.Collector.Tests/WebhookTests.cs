using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Collector.Tenancy;
using EdgeCredit.Collector.Webhooks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Collector.Tests;

public sealed class WebhookTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly WebhookReceiver _receiver = new();
    private string _directory = string.Empty;
    private WebhookStore _store = null!;
    private WebhookPublisher _publisher = null!;
    private WebhookDispatcher _dispatcher = null!;

    public Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("collector-webhooks-").FullName;
        var database = new CollectorDatabase(Options.Create(new StorageOptions { Path = Path.Combine(_directory, "c.db"), Synchronous = SynchronousMode.Normal }));
        var tenancy = new TenancyOptions();
        tenancy.Lenders.Add(new LenderOptions { Id = "bank-a" });
        tenancy.Lenders.Add(new LenderOptions { Id = "bank-b" });
        tenancy.Grants.Add(new GrantOptions { Lender = "bank-a", Enterprise = "acme-metal" });
        tenancy.Grants.Add(new GrantOptions { Lender = "bank-b", Enterprise = "beta-textile" });
        _store = new WebhookStore(database);
        var wake = new WebhookWake();
        _publisher = new WebhookPublisher(_store, new LenderDirectory(Options.Create(tenancy)), wake, _time);
        var options = new WebhookOptions { RetryMin = TimeSpan.FromSeconds(5), RetryMax = TimeSpan.FromMinutes(5), AttemptTimeout = TimeSpan.FromSeconds(5) };
        _dispatcher = new WebhookDispatcher(_store, wake, _time, Options.Create(options), NullLogger<WebhookDispatcher>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _dispatcher.Dispose();
        await _receiver.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Dispatch_ReceiverUp_DeliveredOnceSignedWithIdempotencyKey()
    {
        await _receiver.StartAsync();
        var subscription = Subscribe("bank-a");
        _publisher.Publish(Warning("evt-1", "acme-metal"));

        Assert.Equal(1, await _dispatcher.RunOnceAsync(CancellationToken.None));

        var request = await _receiver.WaitForAsync(1, TimeSpan.FromSeconds(10));
        Assert.Equal("evt-1." + subscription.Id, request.Headers["Idempotency-Key"]);
        Assert.Equal(WebhookEventTypes.WarningOpened, request.Headers["EdgeCredit-Event"]);
        Assert.True(WebhookSignature.Verify(subscription.Secret, request.Headers[WebhookSignature.HeaderName], request.Body, _time.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(subscription.Secret, request.Headers[WebhookSignature.HeaderName], request.Body.Replace("acme", "acne", StringComparison.Ordinal), _time.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(subscription.Secret, request.Headers[WebhookSignature.HeaderName], request.Body, _time.GetUtcNow().AddMinutes(10), TimeSpan.FromMinutes(5)));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("evt-1", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("acme-metal", body.RootElement.GetProperty("enterprise").GetString());
        var delivery = Assert.Single(_store.GetDeliveries(subscription.Id, 10));
        Assert.Equal("delivered", delivery.Status);
        Assert.Equal(200, Assert.Single(delivery.Log).Status);
    }

    /// <summary>The case: the receiver is down for 10 minutes (simulated clock, real HTTP), then back.</summary>
    [Fact]
    public async Task Dispatch_ReceiverDownTenMinutes_DeliveredOnceWhenBackAndNotDuplicated()
    {
        var subscription = Subscribe("bank-a");
        _publisher.Publish(Warning("evt-down", "acme-metal"));

        var attempts = 0;
        while (_time.GetUtcNow() < Start.AddMinutes(10))
        {
            attempts += await _dispatcher.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        var pending = Assert.Single(_store.GetDeliveries(subscription.Id, 10));
        Assert.Equal("pending", pending.Status);
        Assert.InRange(attempts, 6, 12); // 5 s doubling to 5 min: about 8 attempts in 10 min
        Assert.All(pending.Log, a => Assert.Null(a.Status));

        await _receiver.StartAsync();
        _publisher.Publish(Warning("evt-down", "acme-metal")); // the same event again: nothing new queued
        while (_time.GetUtcNow() < Start.AddMinutes(17) && _receiver.Received.IsEmpty)
        {
            await _dispatcher.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        var request = await _receiver.WaitForAsync(1, TimeSpan.FromSeconds(10));
        for (var i = 0; i < 20; i++)
        {
            await _dispatcher.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Single(_receiver.Received);
        Assert.Equal("evt-down." + subscription.Id, request.Headers["Idempotency-Key"]);
        var delivered = Assert.Single(_store.GetDeliveries(subscription.Id, 10));
        Assert.Equal("delivered", delivered.Status);
        Assert.Equal(attempts + 1, delivered.Attempts);
        Assert.Equal(delivered.Attempts, delivered.Log.Count);
    }

    [Fact]
    public async Task Dispatch_Receiver400_FailedAndNotRetried()
    {
        _receiver.Answer = () => (400, null);
        await _receiver.StartAsync();
        var subscription = Subscribe("bank-a");
        _publisher.Publish(Warning("evt-bad", "acme-metal"));

        await _dispatcher.RunOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _dispatcher.RunOnceAsync(CancellationToken.None));

        var delivery = Assert.Single(_store.GetDeliveries(subscription.Id, 10));
        Assert.Equal("failed", delivery.Status);
        Assert.Equal(400, delivery.LastStatus);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task Dispatch_Receiver503WithRetryAfter_WaitsAtLeastThatLong()
    {
        _receiver.Answer = () => (503, 120);
        await _receiver.StartAsync();
        var subscription = Subscribe("bank-a");
        _publisher.Publish(Warning("evt-busy", "acme-metal"));

        await _dispatcher.RunOnceAsync(CancellationToken.None);

        var delivery = Assert.Single(_store.GetDeliveries(subscription.Id, 10));
        Assert.Equal("pending", delivery.Status);
        Assert.True(delivery.NextAttemptAt >= _time.GetUtcNow().AddSeconds(120), $"next attempt {delivery.NextAttemptAt}");
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(0, await _dispatcher.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public void Publish_LendersWithoutGrant_GetNothingOperatorGetsAll()
    {
        var a = Subscribe("bank-a");
        var b = Subscribe("bank-b");
        var platform = Subscribe(WebhookSubscription.OperatorOwner);
        var pingOnly = Subscribe("bank-a", WebhookEventTypes.Ping);

        var ids = _publisher.Publish(Warning("evt-t", "acme-metal"));

        Assert.Equal(2, ids.Count);
        Assert.Single(_store.GetDeliveries(a.Id, 10));
        Assert.Empty(_store.GetDeliveries(b.Id, 10));
        Assert.Single(_store.GetDeliveries(platform.Id, 10));
        Assert.Empty(_store.GetDeliveries(pingOnly.Id, 10));
    }

    private WebhookSubscription Subscribe(string owner, string events = "*")
    {
        var subscription = new WebhookSubscription("wh_" + Guid.NewGuid().ToString("N")[..12], owner, _receiver.Url.ToString(), "whsec_test_" + owner, [events], _time.GetUtcNow());
        _store.AddSubscription(subscription);
        return subscription;
    }

    private WebhookEvent Warning(string id, string enterprise) =>
        new(id, WebhookEventTypes.WarningOpened, enterprise, _time.GetUtcNow(), new JsonObject { ["level"] = "alert", ["cause"] = "production_halted" });
}
