using InfluxDB.Client.Writes;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>The one narrow interface to the time-series server: write a batch, say which of the three buckets it fell in.</summary>
internal interface ITimeSeriesWriter
{
    /// <summary>Writes the points in one request; never throws for a server or network failure (only for cancellation).</summary>
    Task<WriteResult> WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken);
}
