using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// The bounded queue from the writer to the receipt publisher. Full policy: drop the new receipt and count it
/// (receiptsDropped). The writer never waits for MQTT; a lost receipt only makes the agent send the batch
/// again after its receipt timeout, and dedupe answers that copy with a new receipt.
/// </summary>
internal sealed class ReceiptQueue
{
    private readonly Channel<DeviceReceipt> _channel;

    public ReceiptQueue(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Capacity = options.Value.ReceiptQueueCapacity;
        _channel = Channel.CreateBounded<DeviceReceipt>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = true,
        });
    }

    public int Capacity { get; }

    public int Depth => _channel.Reader.Count;

    public ChannelReader<DeviceReceipt> Reader => _channel.Reader;

    /// <summary>Queues a receipt without waiting; false when the queue is full.</summary>
    public bool TryWrite(DeviceReceipt receipt) => _channel.Writer.TryWrite(receipt);
}
