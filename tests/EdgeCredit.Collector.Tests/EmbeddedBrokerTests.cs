using System.Buffers;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Protocol;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCredit.Collector.Tests;

public sealed class EmbeddedBrokerTests(TestCollector collector) : IClassFixture<TestCollector>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Connect_WrongPassword_RefusedBadUserNameOrPassword()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", collector.BrokerPort)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCredentials(TestBatches.Device, "not-the-secret")
            .Build();

        // MQTTnet 5 reports a refused CONNACK in the result rather than by throwing.
        var code = (await client.ConnectAsync(options, CancellationToken.None)).ResultCode;

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, code);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Publish_GoodBatch_StoredBeforePubAckReturns()
    {
        using var client = await collector.ConnectDeviceAsync();
        var sequence = TestCollector.NextSequence();

        var result = await client.PublishAsync(SignalsMessage(TestBatches.Payload(sequence, DateTimeOffset.UtcNow, signals: 3)));

        Assert.True(result.IsSuccess, result.ReasonCode.ToString());
        Assert.Equal(1, collector.Scalar("SELECT count(*) FROM batches WHERE device = 'gw-01' AND sequence = $s", ("$s", sequence)));
        Assert.Equal(3, collector.Scalar("SELECT count(*) FROM signals WHERE device = 'gw-01' AND sequence = $s", ("$s", sequence)));
    }

    [Fact]
    public async Task Publish_TenMegabytePayload_QuarantinedTooLargeAndNextBatchStored()
    {
        using var client = await collector.ConnectDeviceAsync();
        var before = collector.Scalar("SELECT count(*) FROM quarantine WHERE reason = 'too_large'");
        var huge = new byte[10 * 1024 * 1024];
        Array.Fill(huge, (byte)'x');

        var hugeResult = await client.PublishAsync(SignalsMessage(huge));
        var sequence = TestCollector.NextSequence();
        var goodResult = await client.PublishAsync(SignalsMessage(TestBatches.Payload(sequence, DateTimeOffset.UtcNow)));

        Assert.True(hugeResult.IsSuccess, hugeResult.ReasonCode.ToString());
        Assert.True(goodResult.IsSuccess, goodResult.ReasonCode.ToString());
        Assert.Equal(before + 1, collector.Scalar("SELECT count(*) FROM quarantine WHERE reason = 'too_large'"));
        Assert.Equal(huge.Length, collector.Scalar("SELECT payload_bytes FROM quarantine WHERE reason = 'too_large' ORDER BY id DESC LIMIT 1"));
        Assert.Equal(4096, collector.Scalar("SELECT length(payload_head) FROM quarantine WHERE reason = 'too_large' ORDER BY id DESC LIMIT 1"));
        Assert.Equal(1, collector.Scalar("SELECT count(*) FROM batches WHERE sequence = $s", ("$s", sequence)));
    }

    [Fact]
    public async Task Publish_UnderOtherDevicesTopic_QuarantinedTopicMismatch()
    {
        using var client = await collector.ConnectDeviceAsync();
        var sequence = TestCollector.NextSequence();

        // Authenticated as gw-01, publishing a well-formed batch of gw-02 on gw-02's topic.
        var payload = TestBatches.Payload(sequence, DateTimeOffset.UtcNow, device: TestBatches.OtherDevice);
        var result = await client.PublishAsync(SignalsMessage(payload, TestBatches.SignalsTopic(TestBatches.OtherDevice)));

        Assert.True(result.IsSuccess);
        Assert.Equal(0, collector.Scalar("SELECT count(*) FROM batches WHERE sequence = $s", ("$s", sequence)));
        Assert.Equal(1, collector.Scalar("SELECT count(*) FROM quarantine WHERE reason = 'topic_mismatch' AND detail LIKE '%authenticated as device ''gw-01''%' AND topic = $t", ("$t", TestBatches.SignalsTopic(TestBatches.OtherDevice))));
    }

    [Fact]
    public async Task Subscribe_OtherDevicesSubtree_NotAuthorized()
    {
        using var client = await collector.ConnectDeviceAsync();

        var own = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"{Topics.Root}/{TestBatches.Enterprise}/{TestBatches.Device}/#").Build());
        var other = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"{Topics.Root}/{TestBatches.Enterprise}/{TestBatches.OtherDevice}/#").Build());
        var all = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"{Topics.Root}/#").Build());

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS0, own.Items.Single().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, other.Items.Single().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, all.Items.Single().ResultCode);
    }

    [Fact]
    public async Task Publish_GoodBatch_ReceiptOnOwnTopicListsItAsStored()
    {
        using var client = await collector.ConnectDeviceAsync();
        var sequence = TestCollector.NextSequence();
        var receipt = await SubscribeReceiptsAsync(client, TestBatches.Device, r => r.Stored.Contains(sequence));
        var sentBefore = collector.Services.GetRequiredService<IngestCounters>().Snapshot().ReceiptsSent;

        var result = await client.PublishAsync(SignalsMessage(TestBatches.Payload(sequence, DateTimeOffset.UtcNow)));
        var (message, body) = await receipt.WaitAsync(Timeout);

        Assert.True(result.IsSuccess, result.ReasonCode.ToString());
        Assert.Equal([sequence], body.Stored);
        Assert.Empty(body.Refused);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        Assert.False(message.Retain);
        Assert.True(collector.Services.GetRequiredService<IngestCounters>().Snapshot().ReceiptsSent > sentBefore);
    }

    [Fact]
    public async Task Publish_NegativeEnergy_ReceiptRefusesValueOutOfRange()
    {
        using var client = await collector.ConnectDeviceAsync();
        var sequence = TestCollector.NextSequence();
        var receipt = await SubscribeReceiptsAsync(client, TestBatches.Device, r => r.Refused.Any(b => b.Sequence == sequence));
        var batch = TestBatches.Batch(sequence, DateTimeOffset.UtcNow);
        var bad = batch with { Signals = [batch.Signals[0] with { Value = -5 }] };

        await client.PublishAsync(SignalsMessage(ProtocolJson.Serialize(bad)));
        var (_, body) = await receipt.WaitAsync(Timeout);

        var refused = Assert.Single(body.Refused);
        Assert.Equal(RejectReason.ValueOutOfRange, refused.Reason);
        Assert.Contains("-5", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(body.Stored);
        Assert.Equal(0, collector.Scalar("SELECT count(*) FROM batches WHERE sequence = $s", ("$s", sequence)));
    }

    [Fact]
    public async Task Publish_IdenticalResend_ReceiptListsItAsStoredAgain()
    {
        using var client = await collector.ConnectDeviceAsync();
        var sequence = TestCollector.NextSequence();
        var payload = TestBatches.Payload(sequence, DateTimeOffset.UtcNow);
        var first = await SubscribeReceiptsAsync(client, TestBatches.Device, r => r.Stored.Contains(sequence));
        await client.PublishAsync(SignalsMessage(payload));
        await first.WaitAsync(Timeout);
        var second = await SubscribeReceiptsAsync(client, TestBatches.Device, r => r.Stored.Contains(sequence));

        await client.PublishAsync(SignalsMessage(payload));
        var (_, body) = await second.WaitAsync(Timeout);

        Assert.Equal([sequence], body.Stored);
        Assert.Equal(1, collector.Scalar("SELECT count(*) FROM batches WHERE sequence = $s", ("$s", sequence)));
        Assert.Equal(0, collector.Scalar("SELECT count(*) FROM quarantine WHERE reason = 'duplicate_sequence'"));
    }

    [Fact]
    public async Task Subscribe_OtherDevicesReceipts_NotAuthorized()
    {
        using var client = await collector.ConnectDeviceAsync();

        var other = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(Topics.ReceiptsOf(TestBatches.Enterprise, TestBatches.OtherDevice), MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var anyDevice = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"{Topics.Root}/{TestBatches.Enterprise}/+/{Topics.Receipts}", MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, other.Items.Single().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, anyDevice.Items.Single().ResultCode);
    }

    [Fact]
    public async Task Publish_ToOwnReceiptsTopic_NotAuthorized()
    {
        using var client = await collector.ConnectDeviceAsync();
        var forged = ProtocolJson.Serialize(new DeliveryReceipt { Version = 1, Stored = [1], Refused = [] });

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.ReceiptsOf(TestBatches.Enterprise, TestBatches.Device))
            .WithPayload(forged)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }

    [Fact]
    public async Task Publish_Status_DeviceRowUpdatedAndRetained()
    {
        using var client = await collector.ConnectDeviceAsync(TestBatches.OtherDevice, TestCollector.Secret02);
        var status = new DeviceStatus { Version = 1, State = DeviceState.Online, At = DateTimeOffset.UtcNow, LastSequence = 1234, OutboxDepth = 56 };
        var topic = Topics.StatusOf(TestBatches.Enterprise, TestBatches.OtherDevice);

        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload(ProtocolJson.Serialize(status)).WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.True(result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers, result.ReasonCode.ToString());
        Assert.Equal(56, collector.Scalar("SELECT outbox_depth FROM devices WHERE id = 'gw-02'"));
        Assert.Equal(1, collector.Scalar("SELECT online FROM devices WHERE id = 'gw-02'"));
    }

    /// <summary>Subscribes to the device's receipts (QoS 1) and returns the first receipt that matches.</summary>
    private static async Task<Task<(MqttApplicationMessage Message, DeliveryReceipt Receipt)>> SubscribeReceiptsAsync(IMqttClient client, string device, Func<DeliveryReceipt, bool> match)
    {
        var topic = Topics.ReceiptsOf(TestBatches.Enterprise, device);
        var found = new TaskCompletionSource<(MqttApplicationMessage, DeliveryReceipt)>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == topic && ProtocolJson.DeserializeReceipt(e.ApplicationMessage.Payload.ToArray()) is { } receipt && match(receipt))
            {
                found.TrySetResult((e.ApplicationMessage, receipt));
            }

            return Task.CompletedTask;
        };
        var granted = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, granted.Items.Single().ResultCode);
        return found.Task;
    }

    private static MqttApplicationMessage SignalsMessage(byte[] payload, string? topic = null) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic ?? TestBatches.SignalsTopic())
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
}
