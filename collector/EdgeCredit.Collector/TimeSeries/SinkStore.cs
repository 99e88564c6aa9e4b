using EdgeCredit.Collector.Storage;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>
/// The sink's reads of the collector store (signals in rowid order after a checkpoint) and its writes (checkpoint,
/// rejected ranges). The <c>signals</c> table has SQLite's implicit rowid, which grows with every insert and is never
/// reused while rows are only appended; a <c>VACUUM</c> could renumber it, so the collector must not run one.
/// </summary>
internal sealed class SinkStore(CollectorDatabase database, TimeProvider time)
{
    public async Task<long> ReadCheckpointAsync(string sink, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_rowid FROM sink_checkpoints WHERE name = $name";
        command.Parameters.AddWithValue("$name", sink);
        return await command.ExecuteScalarAsync(cancellationToken) is long rowId ? rowId : 0;
    }

    /// <summary>Up to <paramref name="limit"/> signals with a rowid above <paramref name="afterRowId"/>, or null when there are none.</summary>
    public async Task<SignalSlice?> ReadAfterAsync(long afterRowId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT rowid, enterprise, device, start_ms, source, kind, value, unit, quality FROM signals
            WHERE rowid > $after ORDER BY rowid LIMIT $limit
            """;
        command.Parameters.AddWithValue("$after", afterRowId);
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<StoredSignal>(Math.Min(limit, 1024));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredSignal(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt64(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetDouble(6),
                reader.GetString(7),
                reader.GetString(8)));
        }

        return rows.Count == 0 ? null : new SignalSlice(rows);
    }

    /// <summary>The highest signal rowid (0 for an empty table); the lag is this minus the checkpoint.</summary>
    public async Task<long> MaxRowIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(rowid), 0) FROM signals";
        return await command.ExecuteScalarAsync(cancellationToken) is long rowId ? rowId : 0;
    }

    public async Task SaveCheckpointAsync(string sink, long lastRowId, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        SetCheckpoint(command, sink, lastRowId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records a rejected range and moves the checkpoint past it, in one transaction.</summary>
    public async Task RecordRejectAsync(string sink, SinkReject reject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reject);
        await using var connection = database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO sink_rejects (sink, first_rowid, last_rowid, points, status, reason, rejected_at)
                VALUES ($sink, $first, $last, $points, $status, $reason, $at)
                """;
            insert.Parameters.AddWithValue("$sink", sink);
            insert.Parameters.AddWithValue("$first", reject.FirstRowId);
            insert.Parameters.AddWithValue("$last", reject.LastRowId);
            insert.Parameters.AddWithValue("$points", reject.Points);
            insert.Parameters.AddWithValue("$status", reject.Status);
            insert.Parameters.AddWithValue("$reason", reject.Reason);
            insert.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.Transaction = transaction;
            SetCheckpoint(checkpoint, sink, reject.LastRowId);
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private void SetCheckpoint(SqliteCommand command, string sink, long lastRowId)
    {
        command.CommandText = """
            INSERT INTO sink_checkpoints (name, last_rowid, updated_at) VALUES ($name, $rowid, $at)
            ON CONFLICT (name) DO UPDATE SET last_rowid = excluded.last_rowid, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$name", sink);
        command.Parameters.AddWithValue("$rowid", lastRowId);
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
