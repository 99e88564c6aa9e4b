using System.Buffers;
using System.Diagnostics;
using EdgeCredit.Agent.Publishing;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using MQTTnet.Protocol;

namespace EdgeCredit.Agent.Tests.Publishing;

/// <summary>
/// The publisher against a real in-process MQTTnet broker on a free loopback port: ordering, pacing, reconnects,
/// status. Tests that need batches confirmed run a <see cref="ReceiptingCollector"/>; see also <see cref="ReceiptTests"/>.
/// </summary>
public sealed class PublisherServiceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PublisherHarness _h = null!;

    public async Task InitializeAsync() => _h = await PublisherHarness.StartBrokerAsync(output);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Publish_BacklogInOutbox_ArrivesInOrderAndLeavesTheOutboxOnReceipts()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        var stored = _h.Append(5);

        await _h.StartAsync();
        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0 && _h.Counters.Sent == 5, "outbox drained, all confirmed");

        Assert.Equal(stored, _h.Broker.SignalSequences());
        Assert.Equal(5, _h.Counters.Sent);
        Assert.Equal(5, _h.Counters.Acknowledged);
        Assert.Equal(0, _h.Counters.AwaitingReceipt);
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task BrokerAck_PubackHeldBack_BatchStaysUntilAcknowledged()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _h.Broker.OnPublish = async e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/signals", StringComparison.Ordinal))
            {
                arrived.TrySetResult();
                await release.Task;
            }
        };
        var sequence = _h.Append(1)[0];

        await _h.StartAsync(o => o.Confirmation = DeliveryConfirmation.BrokerAck);
        await arrived.Task.WaitAsync(Eventually.DefaultTimeout);

        Assert.NotNull(_h.Outbox.Get(sequence));
        Assert.Equal(0, _h.Counters.Sent);
        release.SetResult();
        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0 && _h.Counters.Sent == 1, "batch removed after PUBACK");
        Assert.Equal(1, _h.Counters.Sent);
        Assert.Equal(0, _h.Counters.AwaitingReceipt);
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Connect_Online_RetainedStatusCarriesCounters()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        var stored = _h.Append(2);

        await _h.StartAsync(o => o.StatusInterval = TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(async () => await _h.Broker.RetainedStatusAsync(_h.StatusTopic) is { Sent: 2 }, "status with sent=2");
        var status = (await _h.Broker.RetainedStatusAsync(_h.StatusTopic))!;
        Assert.Equal(DeviceState.Online, status.State);
        Assert.Equal(stored[^1], status.LastSequence);
        Assert.Equal(0, status.OutboxDepth);
        Assert.Equal(0, status.AwaitingReceipt);
        Assert.Equal(0, status.Refused);
        Assert.Equal(0, status.Dropped);
        Assert.False(string.IsNullOrEmpty(status.AgentVersion));
        Assert.NotNull(status.At);
    }

    [Fact]
    public async Task Kick_ClientDropped_LastWillOfflineIsPublished()
    {
        await using var subscriber = await TestSubscriber.ConnectAsync(_h.Broker.Port, _h.StatusTopic);
        await _h.StartAsync(o => o.ReconnectMin = o.ReconnectMax = TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => States(subscriber).Contains(DeviceState.Online), "online status");

        await _h.Broker.KickAsync(_h.Device);

        await Eventually.TrueAsync(() => States(subscriber).Contains(DeviceState.Offline), "last will offline");
        var will = subscriber.Received.Select(m => ProtocolJson.DeserializeStatus(m.Payload.ToArray())!).Last(s => s.State == DeviceState.Offline);
        Assert.Null(will.At);
        Assert.Equal(1, will.Version);
        Assert.Equal(DeviceState.Offline, (await _h.Broker.RetainedStatusAsync(_h.StatusTopic))!.State);
    }

    [Fact]
    public async Task BrokerAck_BrokerRestarted_NothingLostNoDuplicates()
    {
        var stored = _h.Append(3).ToList();
        await _h.StartAsync(o => (o.ReconnectMin, o.ReconnectMax, o.Confirmation) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), DeliveryConfirmation.BrokerAck));
        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0, "first batches sent");

        await _h.Broker.StopAsync();
        await Eventually.TrueAsync(() => !_h.Publisher!.IsConnected, "agent noticed the broker is gone");
        stored.AddRange(_h.Append(3));
        await _h.Broker.RestartAsync();

        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0, "batches stored while down were sent");
        Assert.Equal(stored, _h.Broker.SignalSequences());
        Assert.True(_h.Counters.Reconnects >= 1);
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Publish_LiveBatchDuringBacklog_GoesAheadOfTheBacklog()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        var backlog = _h.Append(30);
        await _h.StartAsync(o => o.BacklogBatchesPerSecond = 5);
        await Eventually.TrueAsync(() => _h.Broker.SignalSequences().Count >= 2, "backlog draining");

        var live = _h.Append(1)[0];
        await Eventually.TrueAsync(() => _h.Broker.SignalSequences().Contains(live), "live batch sent");

        var order = _h.Broker.SignalSequences().ToList();
        var position = order.IndexOf(live);
        Assert.True(position < backlog.Count - 5, $"live batch arrived only after {position} backlog batches");
        Assert.Equal(backlog.Take(position), order.Take(position));
        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0, "backlog drained", TimeSpan.FromSeconds(30));
        Assert.Equal(backlog.Count + 1, _h.Broker.SignalSequences().Distinct().Count());
        Assert.Equal(backlog.Count + 1, _h.Broker.SignalSequences().Count);
    }

    [Fact]
    public async Task Publish_BacklogRateCap_RespectsBatchesPerSecond()
    {
        const int rate = 10;
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        _h.Append(40);
        var clock = Stopwatch.StartNew();

        await _h.StartAsync(o => o.BacklogBatchesPerSecond = rate);
        await Eventually.TrueAsync(() => _h.Broker.SignalSequences().Count >= rate, "first burst");
        var afterBurst = clock.Elapsed;
        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0, "backlog drained", TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed - afterBurst;

        // 30 batches after the one-second burst need about 3 s at 10/s; allow generous slack below.
        output.WriteLine($"30 backlog batches after the burst took {elapsed}");
        Assert.True(elapsed >= TimeSpan.FromSeconds(2), $"backlog drained too fast: {elapsed}");
    }

    [Fact]
    public async Task Publish_BrokerDropsConnectionOnPublish_ReconnectsAndDeliversEverything()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        var refusals = 2;
        _h.Broker.OnPublish = e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/signals", StringComparison.Ordinal) && Interlocked.Decrement(ref refusals) >= 0)
            {
                // What mosquitto 2 does when the ACL denies a publish: drop the connection.
                e.ProcessPublish = false;
                e.CloseConnection = true;
            }

            return Task.CompletedTask;
        };
        var stored = _h.Append(3);

        await _h.StartAsync(o => (o.ReconnectMin, o.ReconnectMax) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(300)));

        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0 && _h.Counters.Sent == 3, "all delivered after the refusals");
        Assert.Equal(stored, _h.Broker.SignalSequences());
        Assert.Equal(3, _h.Counters.Sent);
        Assert.True(_h.Counters.Retried >= 2, $"retried {_h.Counters.Retried}");
        Assert.True(_h.Counters.Reconnects >= 1);
    }

    [Fact]
    public async Task Connect_BadPassword_ErrorNamesTheUser()
    {
        _h.Broker.OnConnect = e =>
        {
            if (e.Password != "right")
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }
        };
        _h.Log.ExpectError(5002);
        _h.Append(1);

        await _h.StartAsync(o => o.Password = "wrong");

        await Eventually.TrueAsync(() => _h.Log.Has(5002), "credentials error logged");
        var line = _h.Log.Entries.First(e => e.EventId == 5002).Message;
        Assert.Contains(_h.Device, line, StringComparison.Ordinal);
        Assert.Contains("BadUserNameOrPassword", line, StringComparison.Ordinal);
        Assert.Equal(1, _h.Outbox.Depth);
    }

    private static List<DeviceState> States(TestSubscriber subscriber) =>
        [.. subscriber.Received.Select(m => ProtocolJson.DeserializeStatus(m.Payload.ToArray())!.State)];
}
