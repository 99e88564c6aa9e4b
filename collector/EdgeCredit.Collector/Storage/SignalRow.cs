namespace EdgeCredit.Collector.Storage;

/// <summary>One stored signal.</summary>
internal sealed record SignalRow(string Device, long Sequence, long StartMs, long EndMs, string Source, string Kind, double Value, string Unit, string Quality);
