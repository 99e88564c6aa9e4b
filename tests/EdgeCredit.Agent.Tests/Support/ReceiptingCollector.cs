using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Channels;
using EdgeCredit.Protocol;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCredit.Agent.Tests.Support;

/// <summary>What the fake collector does with a batch it receives.</summary>
internal enum CollectorAnswer
{
    /// <summary>Stores it (a copy of one stored before is listed as stored again) and sends a receipt.</summary>
    Store,

    /// <summary>Refuses it as value_out_of_range and sends a receipt saying so.</summary>
    Refuse,

    /// <summary>Sends nothing back, as if the batch had been lost after the broker's PUBACK.</summary>
    Silent,
}

/// <summary>
/// Plays the collector: subscribes to every device's signals, records each copy it gets, and answers with a
/// <see cref="DeliveryReceipt"/> on the device's receipts topic as <see cref="Answer"/> decides. Receipts are sent by
/// a pump task (never from the MQTT receive handler). It does not reconnect by itself: after a broker restart call
/// <see cref="ConnectAsync()"/> again.
/// </summary>
internal sealed class ReceiptingCollector : IAsyncDisposable
{
    public const string RefusalDetail = "signals[0].value -5 kWh is below 0 (test collector)";

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly Channel<(SignalBatch Batch, CollectorAnswer Answer)> _answers = Channel.CreateUnbounded<(SignalBatch, CollectorAnswer)>();
    private readonly ConcurrentDictionary<long, int> _copies = new();
    private readonly int _port;
    private readonly Task _pump;

    private ReceiptingCollector(int port)
    {
        _port = port;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var check = SignalBatchParser.Parse(e.ApplicationMessage.Payload.ToArray());
            if (check.Batch is { } batch)
            {
                _copies.AddOrUpdate(batch.Sequence, 1, (_, n) => n + 1);
                Received.Enqueue(batch.Sequence);
                _answers.Writer.TryWrite((batch, Answer(batch)));
            }

            return Task.CompletedTask;
        };
        _pump = PumpAsync();
    }

    /// <summary>Decides the answer per received copy; <see cref="CollectorAnswer.Store"/> by default.</summary>
    public Func<SignalBatch, CollectorAnswer> Answer { get; set; } = _ => CollectorAnswer.Store;

    /// <summary>Sequences of every copy received, in arrival order.</summary>
    public ConcurrentQueue<long> Received { get; } = new();

    /// <summary>Sequences listed as stored in a receipt that was sent.</summary>
    public ConcurrentDictionary<long, bool> Stored { get; } = new();

    public static async Task<ReceiptingCollector> StartAsync(int port)
    {
        var collector = new ReceiptingCollector(port);
        await collector.ConnectAsync();
        return collector;
    }

    public int CopiesOf(long sequence) => _copies.TryGetValue(sequence, out var n) ? n : 0;

    /// <summary>(Re)connects with a clean session and subscribes to all signals.</summary>
    public async Task ConnectAsync()
    {
        await _client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("test-collector-" + Guid.NewGuid().ToString("N")[..8])
            .Build());
        await _client.SubscribeAsync(Topics.Root + "/+/+/" + Topics.Signals, MqttQualityOfServiceLevel.AtLeastOnce);
    }

    /// <summary>Publishes a receipt (or any payload) to a device's receipts topic, as the collector would.</summary>
    public async Task PublishReceiptAsync(string enterprise, string device, byte[] payload)
    {
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.ReceiptsOf(enterprise, device))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
    }

    public Task PublishReceiptAsync(string enterprise, string device, DeliveryReceipt receipt) =>
        PublishReceiptAsync(enterprise, device, ProtocolJson.Serialize(receipt));

    public async ValueTask DisposeAsync()
    {
        _answers.Writer.TryComplete();
        await _pump;
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }

    private async Task PumpAsync()
    {
        await foreach (var (batch, answer) in _answers.Reader.ReadAllAsync())
        {
            DeliveryReceipt receipt;
            switch (answer)
            {
                case CollectorAnswer.Store:
                    receipt = new DeliveryReceipt { Version = 1, Stored = [batch.Sequence], Refused = [] };
                    break;
                case CollectorAnswer.Refuse:
                    receipt = new DeliveryReceipt
                    {
                        Version = 1,
                        Stored = [],
                        Refused = [new RefusedBatch { Sequence = batch.Sequence, Reason = RejectReason.ValueOutOfRange, Detail = RefusalDetail }],
                    };
                    break;
                default:
                    continue;
            }

            try
            {
                await PublishReceiptAsync(batch.Enterprise, batch.Device, receipt);
                foreach (var sequence in receipt.Stored)
                {
                    Stored[sequence] = true;
                }
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Exceptions.MqttClientNotConnectedException or OperationCanceledException)
            {
                // The broker went away; the agent sends the batch again after its receipt timeout.
            }
        }
    }
}
