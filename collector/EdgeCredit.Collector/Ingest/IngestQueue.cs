using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// The bounded queue between MQTT and the writer. Full policy: wait. A publisher that finds it full is not
/// acknowledged until there is room, which pushes back into the devices' outboxes; nothing is dropped.
/// </summary>
internal sealed class IngestQueue
{
    private readonly Channel<WriteItem> _channel;

    public IngestQueue(IOptions<IngestOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Capacity = options.Value.QueueCapacity;
        _channel = Channel.CreateBounded<WriteItem>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    public int Capacity { get; }

    public int Depth => _channel.Reader.Count;

    public ChannelReader<WriteItem> Reader => _channel.Reader;

    public ValueTask WriteAsync(WriteItem item, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(item, cancellationToken);
}
