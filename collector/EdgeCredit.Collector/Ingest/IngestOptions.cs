namespace EdgeCredit.Collector.Ingest;

/// <summary>Validation and write batching (section <c>Ingest</c>).</summary>
internal sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>How far a batch's sentAt (and its signals' ends) may lie from the collector's clock.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Signals older than this are refused as clock_skew.</summary>
    public TimeSpan MaxSignalAge { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Most messages written in one SQLite transaction.</summary>
    public int MaxBatchMessages { get; set; } = 1000;

    /// <summary>
    /// Longest the writer waits for more messages before it commits what it has. Zero (the default) is group
    /// commit: the writer commits whatever has arrived, and what arrives during a commit goes into the next one,
    /// so a quiet collector answers in one commit's time and a busy one still writes large transactions.
    /// </summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Messages waiting for the writer; when full, publishers wait (back-pressure, nothing dropped).</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Receipts waiting for the publisher; when full, new receipts are dropped and counted (the agent resends).</summary>
    public int ReceiptQueueCapacity { get; set; } = 10_000;

    /// <summary>Longest pause between retries of a failed write transaction.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
