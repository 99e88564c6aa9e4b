namespace EdgeCredit.Collector.Webhooks;

// Request and response shapes of the webhook endpoints; serialised camelCase.
#pragma warning disable SA1649, CA1819 // One file for the small request/response records.

internal sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);

/// <summary>The secret is shown once, when the subscription is made; it signs every delivery.</summary>
internal sealed record CreatedWebhookResponse(string Id, string Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt);

internal sealed record WebhookResponse(string Id, string? Lender, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);

internal sealed record PingResponse(string Subscription, string EventId, IReadOnlyList<long> Deliveries);
#pragma warning restore SA1649, CA1819
