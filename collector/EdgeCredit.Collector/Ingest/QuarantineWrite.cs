using EdgeCredit.Collector.Storage;

namespace EdgeCredit.Collector.Ingest;

/// <summary>A refused message to record in quarantine.</summary>
internal sealed record QuarantineWrite(QuarantineRecord Record) : WriteItem;
