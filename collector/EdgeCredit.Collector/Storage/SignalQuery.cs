namespace EdgeCredit.Collector.Storage;

/// <summary>Signals of one enterprise whose window starts in [FromMs, ToMs), optionally of one kind (wire name).</summary>
internal sealed record SignalQuery(string Enterprise, long FromMs, long ToMs, string? Kind, int Limit);
