using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// A valid batch to store. If its (device, sequence) is already stored with the same <see cref="SignalsHash"/>
/// it is a resend (counted, not stored again); with a different hash it goes to quarantine as duplicate_sequence.
/// </summary>
internal sealed record BatchWrite(SignalBatch Batch, byte[] SignalsHash, MessageOrigin Origin) : WriteItem
{
    public ReceiptAddress Receipt => new(Batch.Enterprise, Batch.Device, Batch.Sequence);
}
