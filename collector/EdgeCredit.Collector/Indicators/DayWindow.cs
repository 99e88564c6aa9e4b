namespace EdgeCredit.Collector.Indicators;

/// <summary>A local date and its UTC bounds in milliseconds, [StartMs, EndMs).</summary>
internal readonly record struct DayWindow(DateOnly Date, long StartMs, long EndMs);
