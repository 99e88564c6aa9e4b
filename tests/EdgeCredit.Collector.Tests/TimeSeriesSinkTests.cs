using EdgeCredit.Collector.TimeSeries;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tests;

public sealed class TimeSeriesSinkTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly SinkStoreFile _file = new();

    [Fact]
    public async Task Run_ServerDownWithLargeBacklog_HoldsAtMostMaxBufferedPointsAndKeepsCheckpoint()
    {
        _file.Insert(5000);
        var options = Options.Create(new TimeSeriesOptions
        {
            Enabled = true, Url = "http://127.0.0.1:9", Token = "t", Org = "o", BatchSize = 100, MaxBufferedPoints = 300,
            FlushInterval = TimeSpan.FromMilliseconds(10), RetryMin = TimeSpan.FromMilliseconds(10), RetryMax = TimeSpan.FromMilliseconds(20),
        });
        var writer = new StalledTimeSeriesWriter();
        var counters = new TimeSeriesCounters(options);
        using var sink = new TimeSeriesSink(_file.Store, writer, counters, options, TimeProvider.System, NullLogger<TimeSeriesSink>.Instance);

        await sink.StartAsync(CancellationToken.None);
        await WaitAsync(() => counters.Snapshot(5000).Retries >= 10);
        var stats = counters.Snapshot(5000);
        await sink.StopAsync(CancellationToken.None);

        Assert.Equal(300, stats.BufferedPoints);
        Assert.Equal(5000, stats.LagRows);
        Assert.All(writer.BatchSizes, size => Assert.Equal(100, size));
        Assert.Equal(0, await _file.Store.ReadCheckpointAsync(TimeSeriesSink.CheckpointName, CancellationToken.None));
    }

    [Fact]
    public async Task Run_Disabled_WritesNothing()
    {
        _file.Insert(10);
        var options = Options.Create(new TimeSeriesOptions());
        var writer = new StalledTimeSeriesWriter();
        using var sink = new TimeSeriesSink(_file.Store, writer, new TimeSeriesCounters(options), options, TimeProvider.System, NullLogger<TimeSeriesSink>.Instance);

        await sink.StartAsync(CancellationToken.None);
        await (sink.ExecuteTask ?? Task.CompletedTask).WaitAsync(Timeout);
        await sink.StopAsync(CancellationToken.None);

        Assert.Empty(writer.BatchSizes);
    }

    public void Dispose() => _file.Dispose();

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within the timeout");
            await Task.Delay(10);
        }
    }
}
