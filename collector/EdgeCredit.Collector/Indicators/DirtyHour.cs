namespace EdgeCredit.Collector.Indicators;

/// <summary>A row of <c>dirty_hours</c>: an hour whose rollups changed; <see cref="Version"/> guards against clearing a newer mark.</summary>
internal readonly record struct DirtyHour(string Enterprise, long HourMs, long Version);
