namespace EdgeCredit.Collector.Warnings;

/// <summary>A warnings list filter; null members do not filter.</summary>
internal sealed record WarningQuery(IReadOnlyCollection<string> Enterprises, string? Level, string? Status, string? Category, int Limit);
