using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Collector.Storage;

/// <summary>
/// Prepared, reused write commands on one connection, for one writer. Every write happens inside a
/// transaction from <see cref="Begin"/>. Borrows the connection: the caller keeps owning it.
/// </summary>
internal sealed class SignalWriteSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertBatch;
    private readonly SqliteCommand _insertSignal;
    private readonly SqliteCommand _touchDevice;
    private readonly SqliteCommand _updateDevice;
    private readonly SqliteCommand _insertQuarantine;
    private readonly SqliteCommand[] _all;

    public SignalWriteSession(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _insertBatch = Create(
            "INSERT INTO batches (device, sequence, enterprise, sent_at, received_at, signal_count) VALUES ($device, $sequence, $enterprise, $sent_at, $received_at, $signal_count) ON CONFLICT (device, sequence) DO NOTHING",
            "$device", "$sequence", "$enterprise", "$sent_at", "$received_at", "$signal_count");
        _insertSignal = Create(
            "INSERT INTO signals (enterprise, device, sequence, idx, start_ms, end_ms, source, kind, value, unit, quality) VALUES ($enterprise, $device, $sequence, $idx, $start_ms, $end_ms, $source, $kind, $value, $unit, $quality)",
            "$enterprise", "$device", "$sequence", "$idx", "$start_ms", "$end_ms", "$source", "$kind", "$value", "$unit", "$quality");
        _touchDevice = Create(
            "INSERT INTO devices (id, enterprise, first_seen, last_seen, online) VALUES ($id, $enterprise, $at, $at, 0) ON CONFLICT (id) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen), enterprise = excluded.enterprise",
            "$id", "$enterprise", "$at");
        _updateDevice = Create(
            """
            INSERT INTO devices (id, enterprise, first_seen, last_seen, online, last_sequence, outbox_depth, status_at)
            VALUES ($id, $enterprise, $at, $at, coalesce($online, 0), $last_sequence, $outbox_depth, $status_at)
            ON CONFLICT (id) DO UPDATE SET
                enterprise = excluded.enterprise,
                last_seen = max(last_seen, excluded.last_seen),
                online = coalesce($online, online),
                last_sequence = coalesce($last_sequence, last_sequence),
                outbox_depth = coalesce($outbox_depth, outbox_depth),
                status_at = coalesce($status_at, status_at)
            """,
            "$id", "$enterprise", "$at", "$online", "$last_sequence", "$outbox_depth", "$status_at");
        _insertQuarantine = Create(
            "INSERT INTO quarantine (received_at, topic, client_id, reason, detail, payload_bytes, payload_head) VALUES ($received_at, $topic, $client_id, $reason, $detail, $payload_bytes, $payload_head)",
            "$received_at", "$topic", "$client_id", "$reason", "$detail", "$payload_bytes", "$payload_head");
        _all = [_insertBatch, _insertSignal, _touchDevice, _updateDevice, _insertQuarantine];
    }

    public SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction();
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }

        return transaction;
    }

    /// <summary>Stores a batch and its signals; returns false (and stores nothing) when (device, sequence) is already stored.</summary>
    public bool TryInsertBatch(SignalBatch batch, long receivedAtMs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var p = _insertBatch.Parameters;
        p[0].Value = batch.Device;
        p[1].Value = batch.Sequence;
        p[2].Value = batch.Enterprise;
        p[3].Value = batch.SentAt.ToUnixTimeMilliseconds();
        p[4].Value = receivedAtMs;
        p[5].Value = batch.Signals.Count;
        if (_insertBatch.ExecuteNonQuery() == 0)
        {
            return false;
        }

        var s = _insertSignal.Parameters;
        s[0].Value = batch.Enterprise;
        s[1].Value = batch.Device;
        s[2].Value = batch.Sequence;
        for (var i = 0; i < batch.Signals.Count; i++)
        {
            var signal = batch.Signals[i];
            s[3].Value = i;
            s[4].Value = signal.Start.ToUnixTimeMilliseconds();
            s[5].Value = signal.End.ToUnixTimeMilliseconds();
            s[6].Value = signal.Source;
            s[7].Value = SignalVocabulary.WireName(signal.Kind);
            s[8].Value = signal.Value;
            s[9].Value = signal.Unit;
            s[10].Value = ProtocolJson.EnumWireName(signal.Quality);
            _insertSignal.ExecuteNonQuery();
        }

        var d = _touchDevice.Parameters;
        d[0].Value = batch.Device;
        d[1].Value = batch.Enterprise;
        d[2].Value = receivedAtMs;
        _touchDevice.ExecuteNonQuery();
        return true;
    }

    public void UpdateDevice(DeviceUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var p = _updateDevice.Parameters;
        p[0].Value = update.Device;
        p[1].Value = update.Enterprise;
        p[2].Value = update.AtMs;
        p[3].Value = update.Online is { } online ? (online ? 1 : 0) : DBNull.Value;
        p[4].Value = (object?)update.LastSequence ?? DBNull.Value;
        p[5].Value = (object?)update.OutboxDepth ?? DBNull.Value;
        p[6].Value = (object?)update.StatusAtMs ?? DBNull.Value;
        _updateDevice.ExecuteNonQuery();
    }

    public void InsertQuarantine(QuarantineRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var p = _insertQuarantine.Parameters;
        p[0].Value = record.ReceivedAtMs;
        p[1].Value = record.Topic;
        p[2].Value = (object?)record.ClientId ?? DBNull.Value;
        p[3].Value = ProtocolJson.EnumWireName(record.Reason);
        p[4].Value = record.Detail;
        p[5].Value = record.PayloadBytes;
        p[6].Value = record.PayloadHead;
        _insertQuarantine.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Create(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is a constant of this class; values always travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
