using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.Storage;

/// <summary>Read queries for the API. Each call opens its own pooled connection; WAL lets reads run beside the writer.</summary>
internal sealed class CollectorReader(CollectorDatabase database)
{
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public Task<IReadOnlyList<DeviceRow>> GetDevicesAsync(CancellationToken cancellationToken) => GetDevicesAsync(null, cancellationToken);

    /// <summary>Stored devices with their batch counts; of one enterprise, or all when <paramref name="enterprise"/> is null.</summary>
    public async Task<IReadOnlyList<DeviceRow>> GetDevicesAsync(string? enterprise, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.id, d.enterprise, d.online, d.last_seen, d.last_sequence, d.outbox_depth, d.status_at,
                   (SELECT min(sequence) FROM batches b WHERE b.device = d.id),
                   (SELECT max(sequence) FROM batches b WHERE b.device = d.id),
                   (SELECT count(*) FROM batches b WHERE b.device = d.id)
            FROM devices d WHERE $enterprise IS NULL OR d.enterprise = $enterprise ORDER BY d.id
            """;
        command.Parameters.AddWithValue("$enterprise", (object?)enterprise ?? DBNull.Value);
        var rows = new List<DeviceRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DeviceRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt64(2) != 0,
                reader.GetInt64(3),
                NullableInt64(reader, 4),
                NullableInt64(reader, 5),
                NullableInt64(reader, 6),
                NullableInt64(reader, 7),
                NullableInt64(reader, 8),
                reader.GetInt64(9)));
        }

        return rows;
    }

    /// <summary>End of the latest signal window of an enterprise, Unix ms, or null when it has none.</summary>
    public async Task<long?> GetLastSignalEndAsync(string enterprise, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();

        // Windows last at most an hour, so the latest end is among the signals that start within an hour of the
        // latest start: both lookups use the (enterprise, start_ms) index instead of scanning the enterprise.
        command.CommandText = """
            SELECT max(end_ms) FROM signals
            WHERE enterprise = $enterprise
              AND start_ms >= (SELECT max(start_ms) FROM signals WHERE enterprise = $enterprise) - 3600000
            """;
        command.Parameters.AddWithValue("$enterprise", enterprise);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is long ms ? ms : null;
    }

    public async Task<IReadOnlyList<SignalRow>> GetSignalsAsync(SignalQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT device, sequence, start_ms, end_ms, source, kind, value, unit, quality FROM signals
            WHERE enterprise = $enterprise AND start_ms >= $from AND start_ms < $to AND ($kind IS NULL OR kind = $kind)
            ORDER BY start_ms, device, sequence, idx
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$enterprise", query.Enterprise);
        command.Parameters.AddWithValue("$from", query.FromMs);
        command.Parameters.AddWithValue("$to", query.ToMs);
        command.Parameters.AddWithValue("$kind", (object?)query.Kind ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        var rows = new List<SignalRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new SignalRow(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetDouble(6),
                reader.GetString(7),
                reader.GetString(8)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<EventRow>> GetEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT device, sequence, at_ms, source, type, condition, state, confidence, since_ms, detail FROM events
            WHERE enterprise = $enterprise AND at_ms >= $from AND at_ms < $to AND ($type IS NULL OR type = $type)
            ORDER BY at_ms, device, sequence, idx
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$enterprise", query.Enterprise);
        command.Parameters.AddWithValue("$from", query.FromMs);
        command.Parameters.AddWithValue("$to", query.ToMs);
        command.Parameters.AddWithValue("$type", (object?)query.Type ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", query.Limit);
        var rows = new List<EventRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EventRow(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetDouble(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8),
                reader.IsDBNull(9) ? null : reader.GetString(9)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<QuarantineRow>> GetQuarantineAsync(string? reason, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = reason is null
            ? "SELECT id, received_at, topic, client_id, reason, detail, payload_bytes, payload_head FROM quarantine ORDER BY id DESC LIMIT $limit"
            : "SELECT id, received_at, topic, client_id, reason, detail, payload_bytes, payload_head FROM quarantine WHERE reason = $reason ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        if (reason is not null)
        {
            command.Parameters.AddWithValue("$reason", reason);
        }

        var rows = new List<QuarantineRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new QuarantineRow(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt64(6),
                reader.IsDBNull(7) ? null : (byte[])reader.GetValue(7)));
        }

        return rows;
    }

    private static long? NullableInt64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
