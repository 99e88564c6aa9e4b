namespace EdgeCredit.Collector.Webhooks;

/// <summary>One attempt in the delivery log.</summary>
internal sealed record WebhookAttemptRow(int Attempt, DateTimeOffset At, int? Status, string? Error, long DurationMs);
