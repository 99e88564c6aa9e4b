namespace EdgeCredit.Collector.Warnings;

/// <summary>One change of a warning: who (<c>system</c> or an API key), what, at which level, and why.</summary>
internal sealed record WarningAuditEntry(long Id, long Warning, DateTimeOffset At, string Actor, string Action, string Level, string? Detail);
