using EdgeCredit.Collector.Storage;

namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// A refused message to record in quarantine. <see cref="Receipt"/> is set only for a signals batch whose
/// device and sequence are known (parsed, topic matches payload, registered device); that device is told.
/// </summary>
internal sealed record QuarantineWrite(QuarantineRecord Record, ReceiptAddress? Receipt = null) : WriteItem;
