using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Storage;

/// <summary>A refused message as stored in the quarantine table (only the head of the payload is kept).</summary>
internal sealed record QuarantineRecord(
    long ReceivedAtMs,
    string Topic,
    string? ClientId,
    RejectReason Reason,
    string Detail,
    long PayloadBytes,
    byte[] PayloadHead)
{
    /// <summary>Bytes of a refused payload that are kept for diagnosis.</summary>
    public const int MaxHeadBytes = 4096;
}
