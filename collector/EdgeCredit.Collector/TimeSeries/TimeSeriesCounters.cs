using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>The sink's counters, updated by the sink and read by the stats endpoint.</summary>
internal sealed class TimeSeriesCounters(IOptions<TimeSeriesOptions> options)
{
    private readonly TimeSeriesOptions _options = options.Value;
    private long _pointsWritten;
    private long _batchesWritten;
    private long _retries;
    private long _rejectedBatches;
    private long _rejectedPoints;
    private long _checkpoint;
    private long _buffered;
    private long _lastWriteMs = -1;
    private string? _lastError;

    public long Checkpoint => Interlocked.Read(ref _checkpoint);

    public long BufferedPoints => Interlocked.Read(ref _buffered);

    public void Resumed(long checkpoint) => Interlocked.Exchange(ref _checkpoint, checkpoint);

    public void Read(int points) => Interlocked.Add(ref _buffered, points);

    public void Written(int points, long checkpoint, DateTimeOffset at)
    {
        Interlocked.Add(ref _pointsWritten, points);
        Interlocked.Increment(ref _batchesWritten);
        Interlocked.Exchange(ref _checkpoint, checkpoint);
        Interlocked.Exchange(ref _lastWriteMs, at.ToUnixTimeMilliseconds());
        Interlocked.Add(ref _buffered, -points);
    }

    public void Rejected(int points, long checkpoint, string reason)
    {
        Interlocked.Add(ref _rejectedPoints, points);
        Interlocked.Increment(ref _rejectedBatches);
        Interlocked.Exchange(ref _checkpoint, checkpoint);
        Interlocked.Add(ref _buffered, -points);
        Volatile.Write(ref _lastError, reason);
    }

    public void Retried(string reason)
    {
        Interlocked.Increment(ref _retries);
        Volatile.Write(ref _lastError, reason);
    }

    public TimeSeriesStats Snapshot(long maxRowId)
    {
        var checkpoint = Checkpoint;
        var lastWrite = Interlocked.Read(ref _lastWriteMs);
        return new TimeSeriesStats(
            _options.Enabled,
            Interlocked.Read(ref _pointsWritten),
            Interlocked.Read(ref _batchesWritten),
            Interlocked.Read(ref _retries),
            Interlocked.Read(ref _rejectedBatches),
            Interlocked.Read(ref _rejectedPoints),
            checkpoint,
            Math.Max(0, maxRowId - checkpoint),
            BufferedPoints,
            _options.MaxBufferedPoints,
            lastWrite < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(lastWrite),
            Volatile.Read(ref _lastError));
    }
}
