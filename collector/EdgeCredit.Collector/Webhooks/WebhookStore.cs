using System.Text.Json;
using EdgeCredit.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.Webhooks;

/// <summary>Subscriptions, deliveries and the delivery log in the collector store. Each call opens its own connection.</summary>
internal sealed class WebhookStore(CollectorDatabase database)
{
    public void AddSubscription(WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO webhook_subscriptions (id, owner, url, secret, events, created_at) VALUES ($id, $owner, $url, $secret, $events, $at)";
        command.Parameters.AddWithValue("$id", subscription.Id);
        command.Parameters.AddWithValue("$owner", subscription.Owner);
        command.Parameters.AddWithValue("$url", subscription.Url);
        command.Parameters.AddWithValue("$secret", subscription.Secret);
        command.Parameters.AddWithValue("$events", string.Join(',', subscription.Events));
        command.Parameters.AddWithValue("$at", subscription.CreatedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    /// <summary>Live subscriptions; of one owner, or all when <paramref name="owner"/> is null.</summary>
    public IReadOnlyList<WebhookSubscription> GetSubscriptions(string? owner)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, owner, url, secret, events, created_at FROM webhook_subscriptions WHERE deleted_at IS NULL AND ($owner IS NULL OR owner = $owner) ORDER BY created_at, id";
        command.Parameters.AddWithValue("$owner", (object?)owner ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var result = new List<WebhookSubscription>();
        while (reader.Read())
        {
            result.Add(new WebhookSubscription(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return result;
    }

    /// <summary>Deletes a live subscription and cancels its pending deliveries; false if there is none with that id.</summary>
    public bool DeleteSubscription(string id, DateTimeOffset at)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE webhook_subscriptions SET deleted_at = $at WHERE id = $id AND deleted_at IS NULL";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        var deleted = command.ExecuteNonQuery() == 1;
        command.CommandText = "UPDATE webhook_deliveries SET status = 'cancelled' WHERE subscription = $id AND status = 'pending'";
        command.ExecuteNonQuery();
        transaction.Commit();
        return deleted;
    }

    /// <summary>Queues the event for each subscription; an idempotency key already queued is left alone. Returns the new delivery ids.</summary>
    public IReadOnlyList<long> Enqueue(WebhookEvent webhookEvent, IEnumerable<WebhookSubscription> subscriptions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        ArgumentNullException.ThrowIfNull(subscriptions);
        var payload = JsonSerializer.Serialize(new
        {
            id = webhookEvent.Id,
            type = webhookEvent.Type,
            enterprise = webhookEvent.Enterprise,
            occurredAt = webhookEvent.OccurredAt,
            data = webhookEvent.Data,
        });
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO webhook_deliveries (subscription, idempotency_key, event_id, event_type, enterprise, payload, created_at, status, next_attempt_at)
            VALUES ($subscription, $key, $event, $type, $enterprise, $payload, $now, 'pending', $now)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """;
        var subscription = command.Parameters.Add("$subscription", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.AddWithValue("$event", webhookEvent.Id);
        command.Parameters.AddWithValue("$type", webhookEvent.Type);
        command.Parameters.AddWithValue("$enterprise", (object?)webhookEvent.Enterprise ?? DBNull.Value);
        command.Parameters.AddWithValue("$payload", payload);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        var ids = new List<long>();
        foreach (var s in subscriptions)
        {
            subscription.Value = s.Id;
            key.Value = $"{webhookEvent.Id}.{s.Id}";
            if (command.ExecuteScalar() is long id)
            {
                ids.Add(id);
            }
        }

        transaction.Commit();
        return ids;
    }

    /// <summary>Pending deliveries due at <paramref name="now"/>, oldest first, with their subscription's URL and secret.</summary>
    public IReadOnlyList<WebhookDelivery> TakeDue(DateTimeOffset now, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.id, d.subscription, s.url, s.secret, d.idempotency_key, d.event_type, d.payload, d.created_at, d.attempts
            FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription
            WHERE d.status = 'pending' AND d.next_attempt_at <= $now
            ORDER BY d.next_attempt_at, d.id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var result = new List<WebhookDelivery>();
        while (reader.Read())
        {
            result.Add(new WebhookDelivery(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt64(7), reader.GetInt32(8)));
        }

        return result;
    }

    /// <summary>Logs an attempt and moves the delivery on: delivered, failed, expired, or pending until <paramref name="nextAttempt"/>.</summary>
    public void RecordAttempt(WebhookDelivery delivery, WebhookAttemptResult result, DateTimeOffset at, string status, DateTimeOffset? nextAttempt)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(result);
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO webhook_attempts (delivery, attempt, at, status, error, duration_ms) VALUES ($id, $attempt, $at, $status, $error, $duration)";
        command.Parameters.AddWithValue("$id", delivery.Id);
        command.Parameters.AddWithValue("$attempt", delivery.Attempts + 1);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$status", (object?)result.Status ?? DBNull.Value);
        command.Parameters.AddWithValue("$error", (object?)result.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$duration", (long)result.Duration.TotalMilliseconds);
        command.ExecuteNonQuery();
        command.CommandText = """
            UPDATE webhook_deliveries SET attempts = $attempt, status = $state, last_status = $status, last_error = $error,
                next_attempt_at = coalesce($next, next_attempt_at), delivered_at = CASE WHEN $state = 'delivered' THEN $at ELSE delivered_at END
            WHERE id = $id
            """;
        command.Parameters.AddWithValue("$state", status);
        command.Parameters.AddWithValue("$next", nextAttempt is { } next ? next.ToUnixTimeMilliseconds() : DBNull.Value);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>The newest deliveries of a subscription with their attempts (the delivery log).</summary>
    public IReadOnlyList<WebhookDeliveryRow> GetDeliveries(string subscription, int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, idempotency_key, event_id, event_type, enterprise, created_at, status, attempts, next_attempt_at, last_status, last_error, delivered_at
            FROM webhook_deliveries WHERE subscription = $subscription ORDER BY id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$subscription", subscription);
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<WebhookDeliveryRow>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var status = reader.GetString(6);
                rows.Add(new WebhookDeliveryRow(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                    status,
                    reader.GetInt32(7),
                    status == "pending" ? DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)) : null,
                    reader.IsDBNull(9) ? null : reader.GetInt32(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10),
                    reader.IsDBNull(11) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
                    []));
            }
        }

        command.CommandText = "SELECT attempt, at, status, error, duration_ms FROM webhook_attempts WHERE delivery = $delivery ORDER BY attempt";
        var delivery = command.Parameters.Add("$delivery", SqliteType.Integer);
        for (var i = 0; i < rows.Count; i++)
        {
            delivery.Value = rows[i].Id;
            var log = new List<WebhookAttemptRow>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                log.Add(new WebhookAttemptRow(
                    reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                    reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt64(4)));
            }

            rows[i] = rows[i] with { Log = log };
        }

        return rows;
    }
}
