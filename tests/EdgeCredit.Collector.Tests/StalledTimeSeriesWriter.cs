using System.Collections.Concurrent;
using EdgeCredit.Collector.TimeSeries;
using InfluxDB.Client.Writes;

namespace EdgeCredit.Collector.Tests;

/// <summary>A named fake for a server that is down: every write fails as retryable (connection refused). Records what it was asked to write.</summary>
internal sealed class StalledTimeSeriesWriter : ITimeSeriesWriter
{
    private readonly ConcurrentQueue<int> _sizes = new();

    public IReadOnlyList<int> BatchSizes => [.. _sizes];

    public Task<WriteResult> WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        _sizes.Enqueue(points.Count);
        return Task.FromResult(new WriteResult(WriteStatus.Retryable, 0, "Connection refused", null));
    }
}
