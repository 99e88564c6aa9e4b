using EdgeCredit.Collector.TimeSeries;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;

namespace EdgeCredit.Integration.Tests;

/// <summary>The time-series sink against a real VictoriaMetrics (InfluxDB v2 write endpoint), and a named fake for refusals.</summary>
public sealed class TimeSeriesSinkTests : IAsyncLifetime
{
    private const string Series = "{__name__=\"signal_value\"}";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new("timeseries");
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Sink_StoredSignals_ArriveWithTagsValuesAndWindowStart()
    {
        var vm = Own(await VictoriaMetricsServer.StartAsync(_dir.Sub("vm")));
        var sink = Own(new SinkHarness(_dir.Sub("store"), vm.Url));
        var batches = StoredSignals.Fill(sink.Database, "gw-01", 1, 3, 4);

        await sink.StartAsync();
        await sink.WaitForCheckpointAsync(12, Timeout);

        var series = await vm.ExportAsync(Series);
        Assert.Equal(12, series.Sum(s => s.Timestamps.Length));
        foreach (var signal in batches.SelectMany(b => b.Signals))
        {
            var match = Assert.Single(series, s => s.Labels["source"] == signal.Source && s.Labels["kind"] == EdgeCredit.Protocol.SignalVocabulary.WireName(signal.Kind));
            Assert.Equal("acme-metal", match.Labels["enterprise"]);
            Assert.Equal("gw-01", match.Labels["device"]);
            Assert.Equal(signal.Unit, match.Labels["unit"]);
            Assert.Equal(signal.Quality == EdgeCredit.Protocol.SignalQuality.Stale ? "stale" : "good", match.Labels["quality"]);
            var at = Array.IndexOf(match.Timestamps, signal.Start.ToUnixTimeMilliseconds());
            Assert.True(at >= 0, $"no sample at the window start {signal.Start:O} for {signal.Source}");
            Assert.Equal(signal.Value, match.Values[at], 9);
        }

        var stats = sink.Counters.Snapshot(await sink.MaxRowIdAsync());
        Assert.Equal(12, stats.PointsWritten);
        Assert.Equal(0, stats.LagRows);
        Assert.Equal(0, stats.BufferedPoints);
        Assert.Empty(sink.Logger.Errors());
    }

    [Fact]
    public async Task Sink_ServerDownWhileSignalsArrive_RetriesKeepsCheckpointThenEveryPointOnce()
    {
        var vm = Own(await VictoriaMetricsServer.StartAsync(_dir.Sub("vm")));
        var sink = Own(new SinkHarness(_dir.Sub("store"), vm.Url, o => o.BatchSize = 100));
        StoredSignals.Fill(sink.Database, "gw-01", 1, 50, 5);
        await sink.StartAsync();
        await sink.WaitForCheckpointAsync(250, Timeout);

        await vm.StopAsync();
        StoredSignals.Fill(sink.Database, "gw-01", 51, 100, 5);
        await sink.WaitForAsync(s => s.Retries >= 3, Timeout);
        StoredSignals.Fill(sink.Database, "gw-01", 151, 100, 5);
        await sink.WaitForAsync(s => s.Retries >= 5, Timeout);

        Assert.Equal(250, await sink.CheckpointAsync());
        var stats = sink.Counters.Snapshot(await sink.MaxRowIdAsync());
        Assert.Equal(1000, stats.LagRows);
        Assert.True(stats.BufferedPoints <= sink.Options.MaxBufferedPoints, $"{stats.BufferedPoints} signals in memory, bound {sink.Options.MaxBufferedPoints}");

        await vm.StartAgainAsync();
        await sink.WaitForCheckpointAsync(1250, Timeout);

        var series = await vm.ExportAsync(Series);
        Assert.Equal(1250, series.Sum(s => s.Timestamps.Length));
        Assert.All(series, s => Assert.Equal(s.Timestamps.Length, s.Timestamps.Distinct().Count()));
        Assert.Empty(sink.Logger.Errors());
    }

    [Fact]
    public async Task Sink_CollectorRestarted_ResumesFromCheckpointWithoutDoubles()
    {
        var vm = Own(await VictoriaMetricsServer.StartAsync(_dir.Sub("vm")));
        var store = _dir.Sub("store");
        await using (var first = new SinkHarness(store, vm.Url))
        {
            StoredSignals.Fill(first.Database, "gw-01", 1, 40, 10);
            await first.StartAsync();
            await first.WaitForCheckpointAsync(400, Timeout);
            await first.StopAsync();
            StoredSignals.Fill(first.Database, "gw-01", 41, 30, 10);
        }

        var second = Own(new SinkHarness(store, vm.Url));
        Assert.Equal(400, await second.CheckpointAsync());
        await second.StartAsync();
        await second.WaitForCheckpointAsync(700, Timeout);

        Assert.Equal(300, second.Counters.Snapshot(700).PointsWritten);
        Assert.Contains(second.Logger.Entries, e => e.Id.Id == 501 && e.Message.Contains("rowid 400", StringComparison.Ordinal));
        var series = await vm.ExportAsync(Series);
        Assert.Equal(700, series.Sum(s => s.Timestamps.Length));
        Assert.All(series, s => Assert.Equal(s.Timestamps.Length, s.Timestamps.Distinct().Count()));
    }

    [Fact]
    public async Task Sink_ServerRefusesBatchAsInvalid_RecordsRangeAndMovesOn()
    {
        var fake = Own(RejectingTimeSeriesServer.Start(n => n == 1 ? FakeResponse.BadRequest("failure writing points: field type conflict: input field \"value\" is type float, already exists as type integer") : FakeResponse.Accepted));
        var sink = Own(new SinkHarness(_dir.Sub("store"), fake.Url, o => o.BatchSize = 5));
        StoredSignals.Fill(sink.Database, "gw-01", 1, 3, 5);

        await sink.StartAsync();
        await sink.WaitForCheckpointAsync(15, Timeout);

        var requests = await fake.WaitForRequestsAsync(3, Timeout);
        Assert.Equal([204, 400, 204], requests.Select(r => r.AnsweredStatus));
        Assert.All(requests, r => Assert.Equal(5, r.Lines.Length));
        Assert.Equal(1, sink.Scalar("SELECT count(*) FROM sink_rejects"));
        Assert.Equal(6, sink.Scalar("SELECT first_rowid FROM sink_rejects"));
        Assert.Equal(10, sink.Scalar("SELECT last_rowid FROM sink_rejects"));
        Assert.Equal(400, sink.Scalar("SELECT status FROM sink_rejects"));
        Assert.Contains("field type conflict", sink.Text("SELECT reason FROM sink_rejects"), StringComparison.Ordinal);
        var stats = sink.Counters.Snapshot(15);
        Assert.Equal((1, 5, 10, 0), (stats.RejectedBatches, stats.RejectedPoints, stats.PointsWritten, stats.Retries));
        Assert.Single(sink.Logger.Errors());
        Assert.Empty(sink.Logger.Errors(expectedEventIds: 504));
    }

    [Fact]
    public async Task Sink_TooManyRequestsWithRetryAfter_WaitsThatLongThenWrites()
    {
        var fake = Own(RejectingTimeSeriesServer.Start(n => n == 0 ? new FakeResponse(429, RetryAfterSeconds: 2) : FakeResponse.Accepted));
        var sink = Own(new SinkHarness(_dir.Sub("store"), fake.Url));
        StoredSignals.Fill(sink.Database, "gw-01", 1, 2, 5);

        await sink.StartAsync();
        await sink.WaitForCheckpointAsync(10, Timeout);

        var requests = await fake.WaitForRequestsAsync(2, Timeout);
        Assert.Equal([429, 204], requests.Select(r => r.AnsweredStatus));
        var waited = requests[1].At - requests[0].At;
        Assert.True(waited >= TimeSpan.FromSeconds(1.9), $"retried after {waited}, Retry-After said 2 s (RetryMax is {sink.Options.RetryMax})");
        Assert.Equal(requests[0].Lines, requests[1].Lines);
        Assert.Equal(1, sink.Counters.Snapshot(10).Retries);
        Assert.Empty(sink.Logger.Errors());
    }

    [Fact]
    public async Task Sink_ServerErrorThenAccepts_RetriesSameBatch()
    {
        var fake = Own(RejectingTimeSeriesServer.Start(n => n < 2 ? new FakeResponse(503) : FakeResponse.Accepted));
        var sink = Own(new SinkHarness(_dir.Sub("store"), fake.Url));
        StoredSignals.Fill(sink.Database, "gw-01", 1, 1, 5);

        await sink.StartAsync();
        await sink.WaitForCheckpointAsync(5, Timeout);

        var requests = await fake.WaitForRequestsAsync(3, Timeout);
        Assert.Equal([503, 503, 204], requests.Select(r => r.AnsweredStatus));
        Assert.Equal(0, sink.Scalar("SELECT count(*) FROM sink_rejects"));
        Assert.Equal(2, sink.Counters.Snapshot(5).Retries);
    }

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }
}
