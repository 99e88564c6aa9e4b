namespace EdgeCredit.Collector.Ingest;

/// <summary>Ingest counters since start.</summary>
internal sealed record IngestStats(
    long AcceptedBatches,
    long AcceptedSignals,
    long Duplicates,
    long QuarantinedTotal,
    IReadOnlyDictionary<string, long> Quarantined,
    long DeviceUpdates,
    long Transactions,
    long WriteFailures,
    int QueueDepth,
    int QueueCapacity,
    long ReceiptsSent,
    long ReceiptsDropped,
    int ReceiptQueueDepth);
