namespace EdgeCredit.Collector.Storage;

/// <summary>One stored event (times in Unix milliseconds, enums as wire names).</summary>
internal sealed record EventRow(string Device, long Sequence, long AtMs, string Source, string Type, string? Condition, string? State, double? Confidence, long? SinceMs, string? Detail);
