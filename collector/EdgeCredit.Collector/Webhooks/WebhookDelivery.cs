namespace EdgeCredit.Collector.Webhooks;

/// <summary>One event on its way to one subscription, as stored.</summary>
internal sealed record WebhookDelivery(
    long Id,
    string Subscription,
    string Url,
    string Secret,
    string IdempotencyKey,
    string EventType,
    string Payload,
    long CreatedAtMs,
    int Attempts);
