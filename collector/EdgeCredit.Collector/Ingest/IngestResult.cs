namespace EdgeCredit.Collector.Ingest;

internal enum IngestResult
{
    /// <summary>The batch and its signals are committed.</summary>
    Stored,

    /// <summary>An identical copy of a batch already stored (a resend): nothing written, the batch counts as stored.</summary>
    AlreadyStored,

    /// <summary>The message is committed to quarantine (including a different batch under a stored sequence).</summary>
    Quarantined,

    /// <summary>A device row (connection or status) is committed.</summary>
    DeviceUpdated,
}
