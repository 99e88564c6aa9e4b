using System.Buffers;
using System.Diagnostics;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Publishing;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;

namespace EdgeCredit.Agent.Tests.Publishing;

/// <summary>The publisher against a real in-process MQTTnet broker on a free loopback port.</summary>
public sealed class PublisherServiceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly TestLog _log = new(output);
    private readonly AgentCounters _counters = new();
    private readonly string _device = "gw-" + Guid.NewGuid().ToString("N")[..8];
    private TestBroker _broker = null!;
    private OutboxStore _outbox = null!;
    private PublisherService? _publisher;

    private string StatusTopic => Topics.StatusOf(Batches.Enterprise, _device);

    public async Task InitializeAsync()
    {
        _broker = await TestBroker.StartAsync();
        _outbox = OutboxStore.Open(_dir.File("outbox.db"), 64 * OutboxOptions.MiB, TimeProvider.System, _counters, _log.For<OutboxStore>());
    }

    public async Task DisposeAsync()
    {
        if (_publisher is not null)
        {
            await _publisher.StopAsync(CancellationToken.None);
            _publisher.Dispose();
        }

        await _broker.DisposeAsync();
        _outbox.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Publish_BacklogInOutbox_ArrivesInOrderAndLeavesTheOutbox()
    {
        var stored = Append(5);

        await StartAsync();
        await Eventually.TrueAsync(() => _outbox.Depth == 0, "outbox drained");

        Assert.Equal(stored, _broker.SignalSequences());
        Assert.Equal(5, _counters.Sent);
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Publish_PubackHeldBack_BatchStaysUntilAcknowledged()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _broker.OnPublish = async e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/signals", StringComparison.Ordinal))
            {
                arrived.TrySetResult();
                await release.Task;
            }
        };
        var sequence = Append(1)[0];

        await StartAsync();
        await arrived.Task.WaitAsync(Eventually.DefaultTimeout);

        Assert.NotNull(_outbox.Get(sequence));
        Assert.Equal(0, _counters.Sent);
        release.SetResult();
        await Eventually.TrueAsync(() => _outbox.Depth == 0, "batch removed after PUBACK");
        Assert.Equal(1, _counters.Sent);
    }

    [Fact]
    public async Task Connect_Online_RetainedStatusCarriesCounters()
    {
        var stored = Append(2);

        await StartAsync(o => o.StatusInterval = TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(async () => await _broker.RetainedStatusAsync(StatusTopic) is { Sent: 2 }, "status with sent=2");
        var status = (await _broker.RetainedStatusAsync(StatusTopic))!;
        Assert.Equal(DeviceState.Online, status.State);
        Assert.Equal(stored[^1], status.LastSequence);
        Assert.Equal(0, status.OutboxDepth);
        Assert.Equal(0, status.Dropped);
        Assert.False(string.IsNullOrEmpty(status.AgentVersion));
        Assert.NotNull(status.At);
    }

    [Fact]
    public async Task Kick_ClientDropped_LastWillOfflineIsPublished()
    {
        await using var subscriber = await TestSubscriber.ConnectAsync(_broker.Port, StatusTopic);
        await StartAsync(o => o.ReconnectMin = o.ReconnectMax = TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => States(subscriber).Contains(DeviceState.Online), "online status");

        await _broker.KickAsync(_device);

        await Eventually.TrueAsync(() => States(subscriber).Contains(DeviceState.Offline), "last will offline");
        var will = subscriber.Received.Select(m => ProtocolJson.DeserializeStatus(m.Payload.ToArray())!).Last(s => s.State == DeviceState.Offline);
        Assert.Null(will.At);
        Assert.Equal(1, will.Version);
        Assert.Equal(DeviceState.Offline, (await _broker.RetainedStatusAsync(StatusTopic))!.State);
    }

    [Fact]
    public async Task Reconnect_BrokerRestarted_NothingLostNoDuplicates()
    {
        var stored = Append(3).ToList();
        await StartAsync(o => (o.ReconnectMin, o.ReconnectMax) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)));
        await Eventually.TrueAsync(() => _outbox.Depth == 0, "first batches sent");

        await _broker.StopAsync();
        await Eventually.TrueAsync(() => !_publisher!.IsConnected, "agent noticed the broker is gone");
        stored.AddRange(Append(3));
        await _broker.RestartAsync();

        await Eventually.TrueAsync(() => _outbox.Depth == 0, "batches stored while down were sent");
        Assert.Equal(stored, _broker.SignalSequences());
        Assert.True(_counters.Reconnects >= 1);
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Publish_LiveBatchDuringBacklog_GoesAheadOfTheBacklog()
    {
        var backlog = Append(30);
        await StartAsync(o => o.BacklogBatchesPerSecond = 5);
        await Eventually.TrueAsync(() => _broker.SignalSequences().Count >= 2, "backlog draining");

        var live = Append(1)[0];
        await Eventually.TrueAsync(() => _broker.SignalSequences().Contains(live), "live batch sent");

        var order = _broker.SignalSequences().ToList();
        var position = order.IndexOf(live);
        Assert.True(position < backlog.Count - 5, $"live batch arrived only after {position} backlog batches");
        Assert.Equal(backlog.Take(position), order.Take(position));
        await Eventually.TrueAsync(() => _outbox.Depth == 0, "backlog drained", TimeSpan.FromSeconds(30));
        Assert.Equal(backlog.Count + 1, _broker.SignalSequences().Distinct().Count());
    }

    [Fact]
    public async Task Publish_BacklogRateCap_RespectsBatchesPerSecond()
    {
        const int rate = 10;
        Append(40);
        var clock = Stopwatch.StartNew();

        await StartAsync(o => o.BacklogBatchesPerSecond = rate);
        await Eventually.TrueAsync(() => _broker.SignalSequences().Count >= rate, "first burst");
        var afterBurst = clock.Elapsed;
        await Eventually.TrueAsync(() => _outbox.Depth == 0, "backlog drained", TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed - afterBurst;

        // 30 batches after the one-second burst need about 3 s at 10/s; allow generous slack below.
        output.WriteLine($"30 backlog batches after the burst took {elapsed}");
        Assert.True(elapsed >= TimeSpan.FromSeconds(2), $"backlog drained too fast: {elapsed}");
    }

    [Fact]
    public async Task Publish_BrokerDropsConnectionOnPublish_ReconnectsAndDeliversEverything()
    {
        var refusals = 2;
        _broker.OnPublish = e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/signals", StringComparison.Ordinal) && Interlocked.Decrement(ref refusals) >= 0)
            {
                // What mosquitto 2 does when the ACL denies a publish: drop the connection.
                e.ProcessPublish = false;
                e.CloseConnection = true;
            }

            return Task.CompletedTask;
        };
        var stored = Append(3);

        await StartAsync(o => (o.ReconnectMin, o.ReconnectMax) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300)));

        await Eventually.TrueAsync(() => _outbox.Depth == 0, "all delivered after the refusals");
        Assert.Equal(stored, _broker.SignalSequences());
        Assert.True(_counters.Retried >= 2, $"retried {_counters.Retried}");
        Assert.True(_counters.Reconnects >= 1);
    }

    [Fact]
    public async Task Connect_BadPassword_ErrorNamesTheUser()
    {
        _broker.OnConnect = e =>
        {
            if (e.Password != "right")
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }
        };
        _log.ExpectError(5002);
        Append(1);

        await StartAsync(o => o.Password = "wrong");

        await Eventually.TrueAsync(() => _log.Has(5002), "credentials error logged");
        var line = _log.Entries.First(e => e.EventId == 5002).Message;
        Assert.Contains(_device, line, StringComparison.Ordinal);
        Assert.Contains("BadUserNameOrPassword", line, StringComparison.Ordinal);
        Assert.Equal(1, _outbox.Depth);
    }

    private static List<DeviceState> States(TestSubscriber subscriber) =>
        [.. subscriber.Received.Select(m => ProtocolJson.DeserializeStatus(m.Payload.ToArray())!.State)];

    private List<long> Append(int count) =>
        [.. Enumerable.Range(0, count).Select(i => _outbox.Append(Batches.Draft(_device, i)))];

    private async Task StartAsync(Action<PublishingOptions>? configure = null)
    {
        var options = new PublishingOptions
        {
            Host = "127.0.0.1",
            Port = _broker.Port,
            ReconnectMin = TimeSpan.FromMilliseconds(200),
            ReconnectMax = TimeSpan.FromSeconds(1),
            PublishTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var agent = new AgentOptions { Enterprise = Batches.Enterprise, Device = _device };
        _publisher = new PublisherService(_outbox, Options.Create(options), Options.Create(agent), TimeProvider.System, _counters, _log.For<PublisherService>());
        await _publisher.StartAsync(CancellationToken.None);
    }
}
