using EdgeCredit.Collector.Ingest;
using EdgeCredit.Protocol;
using MQTTnet.Exceptions;

namespace EdgeCredit.Collector.Broker;

/// <summary>
/// Sends the writer's delivery receipts to the devices, a few at a time, through the broker connection. A receipt
/// that cannot be sent is dropped and counted, never retried: the agent sends the batch again after its receipt
/// timeout, the collector's dedupe recognises the identical copy and answers it with a fresh receipt.
/// </summary>
internal sealed partial class ReceiptPublisher(
    ReceiptQueue queue,
    IReceiptTransport transport,
    IngestCounters counters,
    ILogger<ReceiptPublisher> logger) : BackgroundService
{
    /// <summary>Receipts in flight at once (QoS 1 publishes to an external broker each wait for a PUBACK).</summary>
    public const int MaxInFlight = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxInFlight, CancellationToken = stoppingToken };
        try
        {
            await Parallel.ForEachAsync(queue.Reader.ReadAllAsync(stoppingToken), options, PublishAsync);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Receipts still queued are not sent; their devices send those batches again.
        }
    }

    private async ValueTask PublishAsync(DeviceReceipt receipt, CancellationToken cancellationToken)
    {
        ReceiptPublishResult result;
        try
        {
            result = await transport.PublishReceiptAsync(receipt.Topic, ProtocolJson.Serialize(receipt.Receipt), cancellationToken);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or IOException or InvalidOperationException or TimeoutException)
        {
            result = ReceiptPublishResult.Dropped(ex.Message);
        }

        if (result.Sent)
        {
            counters.ReceiptSent();
            return;
        }

        counters.ReceiptDropped();
        LogReceiptDropped(logger, receipt.Device, receipt.Receipt.Stored.Count, receipt.Receipt.Refused.Count, result.Problem);
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "Dropped the receipt for device {Device} ({Stored} stored, {Refused} refused): {Problem}; the device will send those batches again")]
    private static partial void LogReceiptDropped(ILogger logger, string device, int stored, int refused, string? problem);
}
