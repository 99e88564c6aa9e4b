namespace EdgeCredit.Collector.Webhooks;

/// <summary>
/// Webhook tables, created on start. A delivery is one event for one subscription; its idempotency key
/// (<c>{event}.{subscription}</c>) is unique, so publishing an event twice never sends it twice. Every attempt is kept
/// in <c>webhook_attempts</c>: the delivery log.
/// </summary>
internal static class WebhookSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS webhook_subscriptions (
            id TEXT NOT NULL PRIMARY KEY,
            owner TEXT NOT NULL,
            url TEXT NOT NULL,
            secret TEXT NOT NULL,
            events TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            deleted_at INTEGER
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS webhook_deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            subscription TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            enterprise TEXT,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            last_status INTEGER,
            last_error TEXT,
            delivered_at INTEGER
        );

        CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
        CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_subscription ON webhook_deliveries (subscription, id);

        CREATE TABLE IF NOT EXISTS webhook_attempts (
            delivery INTEGER NOT NULL,
            attempt INTEGER NOT NULL,
            at INTEGER NOT NULL,
            status INTEGER,
            error TEXT,
            duration_ms INTEGER NOT NULL,
            PRIMARY KEY (delivery, attempt)
        ) WITHOUT ROWID;
        """;
}
