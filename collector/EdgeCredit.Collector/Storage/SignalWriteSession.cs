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
    private readonly SqliteCommand _selectStoredHash;
    private readonly SqliteCommand _selectStoredSignals;
    private readonly SqliteCommand _updateStoredHash;
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand[] _all;
    private readonly RollupWriter _rollups;

    public SignalWriteSession(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _insertBatch = Create(
            "INSERT INTO batches (device, sequence, enterprise, sent_at, received_at, signal_count, signals_hash) VALUES ($device, $sequence, $enterprise, $sent_at, $received_at, $signal_count, $signals_hash) ON CONFLICT (device, sequence) DO NOTHING",
            "$device", "$sequence", "$enterprise", "$sent_at", "$received_at", "$signal_count", "$signals_hash");
        _insertSignal = Create(
            "INSERT INTO signals (enterprise, device, sequence, idx, start_ms, end_ms, source, kind, value, unit, quality) VALUES ($enterprise, $device, $sequence, $idx, $start_ms, $end_ms, $source, $kind, $value, $unit, $quality)",
            "$enterprise", "$device", "$sequence", "$idx", "$start_ms", "$end_ms", "$source", "$kind", "$value", "$unit", "$quality");
        _insertEvent = Create(
            "INSERT INTO events (enterprise, device, sequence, idx, at_ms, source, type, condition, state, confidence, since_ms, detail) VALUES ($enterprise, $device, $sequence, $idx, $at_ms, $source, $type, $condition, $state, $confidence, $since_ms, $detail)",
            "$enterprise", "$device", "$sequence", "$idx", "$at_ms", "$source", "$type", "$condition", "$state", "$confidence", "$since_ms", "$detail");
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
        _selectStoredHash = Create(
            "SELECT enterprise, signals_hash FROM batches WHERE device = $device AND sequence = $sequence",
            "$device", "$sequence");
        _selectStoredSignals = Create(
            "SELECT start_ms, end_ms, source, kind, value, unit, quality FROM signals WHERE enterprise = $enterprise AND device = $device AND sequence = $sequence ORDER BY idx",
            "$enterprise", "$device", "$sequence");
        _updateStoredHash = Create(
            "UPDATE batches SET signals_hash = $signals_hash WHERE device = $device AND sequence = $sequence",
            "$device", "$sequence", "$signals_hash");
        _rollups = new RollupWriter(connection);
        _all = [_insertBatch, _insertSignal, _insertEvent, _touchDevice, _updateDevice, _insertQuarantine, _selectStoredHash, _selectStoredSignals, _updateStoredHash];
    }

    public SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction();
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }

        _rollups.Transaction = transaction;
        return transaction;
    }

    /// <summary>Writes the transaction's rollups, then commits it. Every transaction from <see cref="Begin"/> commits through here.</summary>
    public void Commit(SqliteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        _rollups.Flush();
        transaction.Commit();
    }

    /// <summary>
    /// Stores a batch and its signals, unless (device, sequence) is already stored: then nothing is written and
    /// the result says whether the stored signals are the same (<paramref name="signalsHash"/>, see <see cref="SignalsHash"/>).
    /// </summary>
    public BatchInsert InsertBatch(SignalBatch batch, byte[] signalsHash, long receivedAtMs)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(signalsHash);
        var p = _insertBatch.Parameters;
        p[0].Value = batch.Device;
        p[1].Value = batch.Sequence;
        p[2].Value = batch.Enterprise;
        p[3].Value = batch.SentAt.ToUnixTimeMilliseconds();
        p[4].Value = receivedAtMs;
        p[5].Value = batch.Signals.Count;
        p[6].Value = signalsHash;
        if (_insertBatch.ExecuteNonQuery() == 0)
        {
            return StoredHash(batch.Device, batch.Sequence).AsSpan().SequenceEqual(signalsHash) ? BatchInsert.Identical : BatchInsert.Conflicting;
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

        InsertEvents(batch);
        _rollups.Add(batch);
        var d = _touchDevice.Parameters;
        d[0].Value = batch.Device;
        d[1].Value = batch.Enterprise;
        d[2].Value = receivedAtMs;
        _touchDevice.ExecuteNonQuery();
        return BatchInsert.Inserted;
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

        _rollups.Dispose();
    }

    private void InsertEvents(SignalBatch batch)
    {
        if (batch.Events is not { Count: > 0 } events)
        {
            return;
        }

        var e = _insertEvent.Parameters;
        e[0].Value = batch.Enterprise;
        e[1].Value = batch.Device;
        e[2].Value = batch.Sequence;
        for (var i = 0; i < events.Count; i++)
        {
            var ev = events[i];
            e[3].Value = i;
            e[4].Value = ev.At.ToUnixTimeMilliseconds();
            e[5].Value = ev.Source;
            e[6].Value = ProtocolJson.EnumWireName(ev.Type);
            e[7].Value = ev.Condition is { } c ? ProtocolJson.EnumWireName(c) : DBNull.Value;
            e[8].Value = (object?)ev.State ?? DBNull.Value;
            e[9].Value = ev.Confidence is { } confidence ? confidence : DBNull.Value;
            e[10].Value = ev.Since is { } since ? since.ToUnixTimeMilliseconds() : DBNull.Value;
            e[11].Value = (object?)ev.Detail ?? DBNull.Value;
            _insertEvent.ExecuteNonQuery();
        }
    }

    /// <summary>The stored batch's signals hash; a batch stored before schema version 2 gets it computed from its rows and saved.</summary>
    private byte[] StoredHash(string device, long sequence)
    {
        var p = _selectStoredHash.Parameters;
        p[0].Value = device;
        p[1].Value = sequence;
        string enterprise;
        using (var reader = _selectStoredHash.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new InvalidOperationException($"Batch {device}/{sequence} conflicted on insert but is not stored.");
            }

            if (!reader.IsDBNull(1))
            {
                return (byte[])reader.GetValue(1);
            }

            enterprise = reader.GetString(0);
        }

        var rows = new List<SignalRow>();
        var s = _selectStoredSignals.Parameters;
        s[0].Value = enterprise;
        s[1].Value = device;
        s[2].Value = sequence;
        using (var reader = _selectStoredSignals.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(new SignalRow(device, sequence, reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4), reader.GetString(5), reader.GetString(6)));
            }
        }

        var hash = SignalsHash.Of(rows);
        var u = _updateStoredHash.Parameters;
        u[0].Value = device;
        u[1].Value = sequence;
        u[2].Value = hash;
        _updateStoredHash.ExecuteNonQuery();
        return hash;
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
