namespace EdgeCredit.Collector.Ingest;

/// <summary>The device (and batch sequence) a receipt about a signals message goes to.</summary>
internal readonly record struct ReceiptAddress(string Enterprise, string Device, long Sequence);
