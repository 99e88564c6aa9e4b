using InfluxDB.Client.Writes;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>Stands in when the sink is disabled (no client, no URL); the sink never calls it then.</summary>
internal sealed class DisabledTimeSeriesWriter : ITimeSeriesWriter
{
    public static readonly DisabledTimeSeriesWriter Instance = new();

    public Task<WriteResult> WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The time-series sink is disabled (TimeSeries:Enabled is false).");
}
