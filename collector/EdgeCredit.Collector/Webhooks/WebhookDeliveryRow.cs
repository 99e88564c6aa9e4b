namespace EdgeCredit.Collector.Webhooks;

/// <summary>A delivery and its attempts, for the delivery log.</summary>
internal sealed record WebhookDeliveryRow(
    long Id,
    string IdempotencyKey,
    string EventId,
    string EventType,
    string? Enterprise,
    DateTimeOffset CreatedAt,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    int? LastStatus,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttemptRow> Log);
