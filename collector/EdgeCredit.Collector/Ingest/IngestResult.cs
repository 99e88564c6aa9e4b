namespace EdgeCredit.Collector.Ingest;

internal enum IngestResult
{
    /// <summary>The batch and its signals are committed.</summary>
    Stored,

    /// <summary>The message is committed to quarantine (including duplicate sequences).</summary>
    Quarantined,

    /// <summary>A device row (connection or status) is committed.</summary>
    DeviceUpdated,
}
