namespace EdgeCredit.Collector.Webhooks;

/// <summary>One attempt's result; <see cref="RetryAfter"/> is the receiver's <c>Retry-After</c>, if it sent one.</summary>
internal sealed record WebhookAttemptResult(WebhookOutcome Outcome, int? Status, string? Error, TimeSpan? RetryAfter, TimeSpan Duration);
