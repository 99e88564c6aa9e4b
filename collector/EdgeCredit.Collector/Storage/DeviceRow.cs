namespace EdgeCredit.Collector.Storage;

/// <summary>A device as stored: connection state, last status, and the range of stored batches.</summary>
internal sealed record DeviceRow(
    string Id,
    string Enterprise,
    bool Online,
    long LastSeenMs,
    long? ReportedLastSequence,
    long? OutboxDepth,
    long? StatusAtMs,
    long? FirstStoredSequence,
    long? LastStoredSequence,
    long StoredBatches);
