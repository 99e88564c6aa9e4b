namespace EdgeCredit.Collector.Warnings;

/// <summary>A stored warning (status <c>open</c>, <c>acknowledged</c> or <c>resolved</c>).</summary>
internal sealed record WarningRecord(
    long Id,
    string Enterprise,
    string Cause,
    string Category,
    string Level,
    string Status,
    string Summary,
    string Evidence,
    string? FirstDay,
    string? LastDay,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? Disposition,
    string? Note);
