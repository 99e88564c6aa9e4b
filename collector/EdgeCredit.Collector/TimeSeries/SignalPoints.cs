using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>
/// Signals as InfluxDB points: one measurement, tags enterprise, device, source, kind, unit and quality, one float field
/// <c>value</c>, and the window's start as the timestamp (millisecond precision). A window is identified by its start
/// in the store and the API as well, and a point written twice (same measurement, tags and time) overwrites itself.
/// </summary>
internal static class SignalPoints
{
    public const string ValueField = "value";

    public static List<PointData> ToPoints(SignalSlice slice, string measurement)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var points = new List<PointData>(slice.Signals.Count);
        foreach (var signal in slice.Signals)
        {
            points.Add(ToPoint(signal, measurement));
        }

        return points;
    }

    public static PointData ToPoint(StoredSignal signal, string measurement)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return PointData.Builder.Measurement(measurement)
            .Tag("enterprise", signal.Enterprise)
            .Tag("device", signal.Device)
            .Tag("source", signal.Source)
            .Tag("kind", signal.Kind)
            .Tag("unit", signal.Unit)
            .Tag("quality", signal.Quality)
            .Field(ValueField, signal.Value)
            .Timestamp(signal.StartMs, WritePrecision.Ms)
            .ToPointData();
    }
}
