using EdgeCredit.Collector.TimeSeries;
using InfluxDB.Client.Writes;

namespace EdgeCredit.Collector.Tests;

public sealed class SignalPointsTests
{
    [Fact]
    public void ToPoint_Signal_TagsNumericValueAndWindowStartInMs()
    {
        var signal = new StoredSignal(7, "acme metal", "gw-01", 1_764_100_000_000, "press=1", "energy", 1.25, "kWh", "good");

        var line = SignalPoints.ToPoint(signal, "signal").ToLineProtocol();

        Assert.Equal(@"signal,device=gw-01,enterprise=acme\ metal,kind=energy,quality=good,source=press\=1,unit=kWh value=1.25 1764100000000", line);
    }

    [Fact]
    public void ToPoints_Slice_OnePointPerSignalInOrder()
    {
        var slice = new SignalSlice(
        [
            new StoredSignal(1, "e", "d", 60_000, "m-0", "energy", 0, "kWh", "good"),
            new StoredSignal(2, "e", "d", 60_000, "m-1", "running_seconds", 60, "s", "stale"),
        ]);

        var points = SignalPoints.ToPoints(slice, "signal");

        Assert.Equal(["signal,device=d,enterprise=e,kind=energy,quality=good,source=m-0,unit=kWh value=0 60000", "signal,device=d,enterprise=e,kind=running_seconds,quality=stale,source=m-1,unit=s value=60 60000"],
            points.Select(p => p.ToLineProtocol()));
        Assert.Equal((1, 2), (slice.FirstRowId, slice.LastRowId));
    }
}
