using EdgeCredit.Collector.Storage;

namespace EdgeCredit.Collector.Ingest;

/// <summary>A device connection or status change.</summary>
internal sealed record DeviceWrite(DeviceUpdate Update) : WriteItem;
