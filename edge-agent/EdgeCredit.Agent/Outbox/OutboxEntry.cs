namespace EdgeCredit.Agent.Outbox;

/// <summary>A stored batch: its sequence number, when it was stored, and the serialized <c>SignalBatch</c>.</summary>
internal sealed record OutboxEntry(long Sequence, DateTimeOffset CreatedAt, ReadOnlyMemory<byte> Payload);
