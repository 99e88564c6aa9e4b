using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Ingest;

/// <summary>What happened to a message once its write transaction committed.</summary>
internal readonly record struct IngestOutcome(IngestResult Result, RejectReason? Reason = null, string? Detail = null)
{
    public static IngestOutcome Stored { get; } = new(IngestResult.Stored);

    public static IngestOutcome AlreadyStored { get; } = new(IngestResult.AlreadyStored);

    public static IngestOutcome DeviceUpdated { get; } = new(IngestResult.DeviceUpdated);

    public static IngestOutcome Quarantined(RejectReason reason, string detail) => new(IngestResult.Quarantined, reason, detail);
}
