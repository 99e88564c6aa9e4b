namespace EdgeCredit.Collector.Storage;

/// <summary>Events of one enterprise with from ≤ at &lt; to, optionally of one type, oldest first.</summary>
internal sealed record EventQuery(string Enterprise, long FromMs, long ToMs, string? Type, int Limit);
