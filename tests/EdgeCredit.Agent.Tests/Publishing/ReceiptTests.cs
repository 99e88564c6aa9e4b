using System.Diagnostics;
using System.Text;
using EdgeCredit.Agent.Publishing;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Publishing;

/// <summary>
/// Delivery receipts end to end: the test plays the collector (<see cref="ReceiptingCollector"/>: subscribes to the
/// signals, answers on the device's receipts topic) against a real in-process broker.
/// </summary>
public sealed class ReceiptTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PublisherHarness _h = null!;

    public async Task InitializeAsync() => _h = await PublisherHarness.StartBrokerAsync(output);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Receipt_AfterPuback_BatchStaysInOutboxUntilTheReceiptListsIt()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        collector.Answer = _ => CollectorAnswer.Silent;
        var sequence = _h.Append(1)[0];

        await _h.StartAsync(o => o.ReceiptTimeout = TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => _h.Counters.Acknowledged == 1 && _h.Counters.AwaitingReceipt == 1, "PUBACK, waiting for the receipt");

        Assert.NotNull(_h.Outbox.Get(sequence));
        Assert.Equal(1, _h.Outbox.Depth);
        Assert.Equal(0, _h.Counters.Sent);

        await collector.PublishReceiptAsync(Batches.Enterprise, _h.Device, new DeliveryReceipt { Version = 1, Stored = [sequence], Refused = [] });

        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0 && _h.Counters.Sent == 1, "batch removed by the receipt");
        Assert.Equal(1, _h.Counters.Sent);
        Assert.Equal(0, _h.Counters.AwaitingReceipt);
        Assert.Equal(1, collector.CopiesOf(sequence));
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Receipt_Refused_MovesToQuarantineAndIsNeverSentAgain()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        var refused = _h.Append(1)[0];
        collector.Answer = b => b.Sequence == refused ? CollectorAnswer.Refuse : CollectorAnswer.Silent;

        await _h.StartAsync(o => o.ReceiptTimeout = TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => _h.Counters.Refused == 1, "refusal applied");

        Assert.Null(_h.Outbox.Get(refused));
        Assert.Equal(0, _h.Outbox.Depth);
        var reason = _h.Outbox.QuarantineReason(refused);
        Assert.NotNull(reason);
        Assert.Contains("value_out_of_range", reason, StringComparison.Ordinal);
        Assert.Contains(ReceiptingCollector.RefusalDetail, reason, StringComparison.Ordinal);
        var warning = Assert.Single(_h.Log.Entries, e => e.EventId == 5015);
        Assert.Contains(refused.ToString(System.Globalization.CultureInfo.InvariantCulture), warning.Message, StringComparison.Ordinal);
        Assert.Contains("value_out_of_range", warning.Message, StringComparison.Ordinal);
        Assert.Contains(ReceiptingCollector.RefusalDetail, warning.Message, StringComparison.Ordinal);

        // A later batch without a receipt is sent again after the timeout: by then the refused one would have been too.
        var later = _h.Append(1)[0];
        await Eventually.TrueAsync(() => collector.CopiesOf(later) >= 2, "unanswered batch resent after the timeout");
        Assert.Equal(1, collector.CopiesOf(refused));
        Assert.Equal(0, _h.Counters.Sent);
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Receipt_NoneWithinTimeout_ResentAfterTheTimeoutNotBefore()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        var timeout = TimeSpan.FromSeconds(2);

        // Loses the first copy; answers the second.
        collector.Answer = b => collector.CopiesOf(b.Sequence) >= 2 ? CollectorAnswer.Store : CollectorAnswer.Silent;
        var sequence = _h.Append(1)[0];
        await _h.StartAsync(o => o.ReceiptTimeout = timeout);

        await Eventually.TrueAsync(() => collector.CopiesOf(sequence) == 1, "first copy");
        var clock = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => collector.CopiesOf(sequence) >= 2, "second copy");
        var gap = clock.Elapsed;
        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0 && _h.Counters.Sent == 1, "confirmed by the second receipt");

        output.WriteLine($"resent after {gap} (timeout {timeout})");
        Assert.True(gap >= timeout * 0.75, $"resent after {gap}, before the receipt timeout of {timeout}");
        Assert.Equal(2, collector.CopiesOf(sequence));
        Assert.Equal(1, _h.Counters.Sent);
        Assert.Equal(2, _h.Counters.Acknowledged);
        Assert.True(_h.Counters.Retried >= 1, $"retried {_h.Counters.Retried}");
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Receipt_BrokerRestartedBeforeCollectorSubscribed_EverythingConfirmedEventually()
    {
        // The mosquitto 2.0 case: the broker PUBACKs batches nobody is subscribed to and drops them.
        var stored = _h.Append(3).ToList();
        await _h.StartAsync(o => (o.ReconnectMin, o.ReconnectMax, o.ReceiptTimeout) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)));
        await Eventually.TrueAsync(() => _h.Counters.Acknowledged >= 3, "first copies acknowledged by the broker, nobody listening");

        await _h.Broker.StopAsync();
        await Eventually.TrueAsync(() => !_h.Publisher!.IsConnected, "agent noticed the broker is gone");
        stored.AddRange(_h.Append(3));
        await _h.Broker.RestartAsync();
        await Eventually.TrueAsync(() => _h.Counters.Acknowledged >= 6, "batches stored while down acknowledged, nobody listening");
        Assert.Equal(6, _h.Outbox.Depth);
        Assert.Equal(0, _h.Counters.Sent);

        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);

        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0 && _h.Counters.Sent == 6, "everything confirmed", TimeSpan.FromSeconds(30));
        Assert.Equal(stored, stored.Where(collector.Stored.ContainsKey));
        Assert.Equal(6, _h.Counters.Sent);
        Assert.Equal(0, _h.Counters.AwaitingReceipt);
        Assert.True(_h.Counters.Reconnects >= 1);
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Receipt_AgentRestarted_UnconfirmedBatchesSentAgainAtOnce()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        collector.Answer = b => collector.CopiesOf(b.Sequence) >= 2 ? CollectorAnswer.Store : CollectorAnswer.Silent;
        var stored = _h.Append(2);
        await _h.StartAsync(o => o.ReceiptTimeout = TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => _h.Counters.AwaitingReceipt == 2, "both waiting for receipts");

        await _h.StopAsync();
        await _h.StartAsync(o => o.ReceiptTimeout = TimeSpan.FromMinutes(10));

        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0, "resent after the restart and confirmed");
        Assert.All(stored, s => Assert.Equal(2, collector.CopiesOf(s)));
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Receipt_Malformed_LoggedAsWarningAndIgnored()
    {
        await using var collector = await ReceiptingCollector.StartAsync(_h.Broker.Port);
        collector.Answer = _ => CollectorAnswer.Silent;
        var sequence = _h.Append(1)[0];
        await _h.StartAsync(o => o.ReceiptTimeout = TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => _h.Counters.AwaitingReceipt == 1, "waiting for the receipt");

        await collector.PublishReceiptAsync(Batches.Enterprise, _h.Device, Encoding.UTF8.GetBytes("{\"version\":1,\"stored\":\"all of them\"}"));
        await collector.PublishReceiptAsync(Batches.Enterprise, _h.Device, Encoding.UTF8.GetBytes("not json"));
        await Eventually.TrueAsync(() => _h.Log.Entries.Count(e => e.EventId == 5014) == 2, "both malformed receipts logged");
        Assert.Equal(1, _h.Outbox.Depth);

        await collector.PublishReceiptAsync(Batches.Enterprise, _h.Device, new DeliveryReceipt { Version = 1, Stored = [sequence], Refused = [] });
        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0, "a good receipt still works");
        _h.Log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task BrokerAck_NoCollector_RemovedAtPubackWithoutReceipts()
    {
        var stored = _h.Append(3);

        await _h.StartAsync(o => o.Confirmation = DeliveryConfirmation.BrokerAck);

        await Eventually.TrueAsync(() => _h.Outbox.Depth == 0 && _h.Counters.Sent == 3, "removed at PUBACK");
        Assert.Equal(stored, _h.Broker.SignalSequences());
        Assert.Equal(3, _h.Counters.Sent);
        Assert.Equal(0, _h.Counters.AwaitingReceipt);
        _h.Log.AssertNoUnexpectedErrors();
    }
}
