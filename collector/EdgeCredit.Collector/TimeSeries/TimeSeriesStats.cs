namespace EdgeCredit.Collector.TimeSeries;

/// <summary>
/// Sink counters since start. <see cref="LagRows"/> is how many stored signals the server has not accepted yet (the
/// highest signal rowid minus the checkpoint); <see cref="BufferedPoints"/> how many signals the sink holds in memory.
/// </summary>
internal sealed record TimeSeriesStats(
    bool Enabled,
    long PointsWritten,
    long BatchesWritten,
    long Retries,
    long RejectedBatches,
    long RejectedPoints,
    long Checkpoint,
    long LagRows,
    long BufferedPoints,
    int MaxBufferedPoints,
    DateTimeOffset? LastWriteAt,
    string? LastError);
