using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Ingest;

/// <summary>A valid batch to store; if its (device, sequence) is already stored it goes to quarantine instead.</summary>
internal sealed record BatchWrite(SignalBatch Batch, long ReceivedAtMs, string Topic, string? ClientId, long PayloadBytes, byte[] PayloadHead) : WriteItem;
