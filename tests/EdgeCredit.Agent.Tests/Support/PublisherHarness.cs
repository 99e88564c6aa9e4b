using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Publishing;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Tests.Support;

/// <summary>A <see cref="PublisherService"/> with its own outbox and device id against an in-process <see cref="TestBroker"/>.</summary>
internal sealed class PublisherHarness : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();

    private PublisherHarness(TestBroker broker, TestLog log)
    {
        Broker = broker;
        Log = log;
        Outbox = OutboxStore.Open(_dir.File("outbox.db"), 64 * OutboxOptions.MiB, TimeProvider.System, Counters, log.For<OutboxStore>());
    }

    public TestBroker Broker { get; }

    public TestLog Log { get; }

    public AgentCounters Counters { get; } = new();

    public OutboxStore Outbox { get; }

    public string Device { get; } = "gw-" + Guid.NewGuid().ToString("N")[..8];

    public string StatusTopic => Topics.StatusOf(Batches.Enterprise, Device);

    public PublisherService? Publisher { get; private set; }

    public static async Task<PublisherHarness> StartBrokerAsync(ITestOutputHelper output) =>
        new(await TestBroker.StartAsync(), new TestLog(output));

    public List<long> Append(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Outbox.Append(Batches.Draft(Device, i)))];

    /// <summary>Starts the publisher: fast reconnects, Receipt confirmation unless <paramref name="configure"/> says otherwise.</summary>
    public async Task StartAsync(Action<PublishingOptions>? configure = null)
    {
        var options = new PublishingOptions
        {
            Host = "127.0.0.1",
            Port = Broker.Port,
            ReconnectMin = TimeSpan.FromMilliseconds(200),
            ReconnectMax = TimeSpan.FromSeconds(1),
            PublishTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var agent = new AgentOptions { Enterprise = Batches.Enterprise, Device = Device };
        Publisher = new PublisherService(Outbox, Options.Create(options), Options.Create(agent), TimeProvider.System, Counters, Log.For<PublisherService>());
        await Publisher.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops and disposes the publisher (the outbox stays), as a restart of the agent would.</summary>
    public async Task StopAsync()
    {
        if (Publisher is { } publisher)
        {
            Publisher = null;
            await publisher.StopAsync(CancellationToken.None);
            publisher.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();

        await Broker.DisposeAsync();
        Outbox.Dispose();
        _dir.Dispose();
    }
}
