using EdgeCredit.Collector.TimeSeries;

namespace EdgeCredit.Collector.Tests;

public sealed class SinkStoreTests : IDisposable
{
    private readonly SinkStoreFile _file = new();

    [Fact]
    public async Task ReadAfter_Checkpoint_ReturnsNextRowsInOrderUpToLimit()
    {
        _file.Insert(25);

        var slice = await _file.Store.ReadAfterAsync(10, 10, CancellationToken.None);

        Assert.NotNull(slice);
        Assert.Equal(Enumerable.Range(11, 10).Select(i => (long)i), slice.Signals.Select(s => s.RowId));
        Assert.Equal(("acme", "gw-01", "press-1", "energy", "kWh", "good"), (slice.Signals[0].Enterprise, slice.Signals[0].Device, slice.Signals[0].Source, slice.Signals[0].Kind, slice.Signals[0].Unit, slice.Signals[0].Quality));
        Assert.Equal(10 * 60_000, slice.Signals[0].StartMs);
        Assert.Null(await _file.Store.ReadAfterAsync(25, 10, CancellationToken.None));
    }

    [Fact]
    public async Task SaveCheckpoint_Twice_KeepsLatestAndSurvivesNewStore()
    {
        _file.Insert(30);
        await _file.Store.SaveCheckpointAsync("influxdb", 10, CancellationToken.None);
        await _file.Store.SaveCheckpointAsync("influxdb", 20, CancellationToken.None);

        var reopened = new SinkStore(_file.Database, TimeProvider.System);

        Assert.Equal(20, await reopened.ReadCheckpointAsync("influxdb", CancellationToken.None));
        Assert.Equal(0, await reopened.ReadCheckpointAsync("other", CancellationToken.None));
        Assert.Equal(30, await reopened.MaxRowIdAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RecordReject_Range_StoredWithReasonAndCheckpointMovesPast()
    {
        _file.Insert(10);

        await _file.Store.RecordRejectAsync("influxdb", new SinkReject(1, 5, 5, 400, "field type conflict"), CancellationToken.None);

        Assert.Equal(5, await _file.Store.ReadCheckpointAsync("influxdb", CancellationToken.None));
        Assert.Equal(1, _file.Scalar("SELECT count(*) FROM sink_rejects WHERE sink = 'influxdb' AND first_rowid = 1 AND last_rowid = 5 AND points = 5 AND status = 400 AND reason = 'field type conflict'"));
    }

    public void Dispose() => _file.Dispose();
}
