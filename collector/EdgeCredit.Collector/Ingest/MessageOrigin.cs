using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Ingest;

/// <summary>Where and when a message arrived, and the head of its payload: what a quarantine record keeps of it.</summary>
internal sealed record MessageOrigin(long ReceivedAtMs, string Topic, string? ClientId, long PayloadBytes, byte[] PayloadHead)
{
    public QuarantineRecord Quarantine(RejectReason reason, string detail) =>
        new(ReceivedAtMs, Topic, ClientId, reason, detail, PayloadBytes, PayloadHead);
}
