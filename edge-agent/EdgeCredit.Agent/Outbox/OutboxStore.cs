using EdgeCredit.Agent.Hosting;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Outbox;

/// <summary>
/// The durable queue of signal batches: one SQLite database (WAL, synchronous=FULL) with tables
/// <c>meta(key, value)</c>, <c>batches(sequence, created_at, bytes, payload)</c>, <c>registers(source, kwh, at_ms)</c>
/// (meter register checkpoints, written with the batch that reports them) and <c>quarantine</c> (unreadable batches
/// and batches the collector refused, with the reason).
/// The per-device sequence is assigned and persisted in the transaction that stores the batch; a new database
/// starts the counter at the current Unix time in milliseconds, so numbers are never reused, even after a
/// reinstall. When stored payload bytes exceed the cap the oldest batches are deleted and counted in the
/// persisted <c>dropped</c> counter. Thread-safe; owns its connection.
/// </summary>
internal sealed class OutboxStore : IDisposable
{
    private const string NextSequenceKey = "next_sequence";
    private const string DroppedKey = "dropped";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly AgentCounters _counters;
    private readonly ILogger _logger;
    private long _depth;
    private long _bytes;
    private long _nextSequence;
    private long _dropped;
    private bool _disposed;

    private OutboxStore(SqliteConnection connection, long maxBytes, TimeProvider time, AgentCounters counters, ILogger logger)
    {
        _connection = connection;
        _maxBytes = maxBytes;
        _time = time;
        _counters = counters;
        _logger = logger;
    }

    /// <summary>Raised (coalesced) whenever a batch is appended.</summary>
    public AsyncSignal Appended { get; } = new();

    public string Path => _connection.DataSource;

    /// <summary>Opens (or creates) the outbox at <paramref name="path"/>; creates the directory if missing.</summary>
    public static OutboxStore Open(string path, long maxBytes, TimeProvider time, AgentCounters counters, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(logger);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            var store = new OutboxStore(connection, maxBytes, time, counters, logger);
            store.Initialize();
            return store;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public long Depth { get { lock (_gate) { return _depth; } } }

    /// <summary>Stored payload bytes.</summary>
    public long Bytes { get { lock (_gate) { return _bytes; } } }

    /// <summary>Batches dropped by the size cap over the lifetime of this database.</summary>
    public long Dropped { get { lock (_gate) { return _dropped; } } }

    /// <summary>The sequence number the next appended batch gets.</summary>
    public long NextSequence { get { lock (_gate) { return _nextSequence; } } }

    public long? OldestSequence => Scalar("SELECT MIN(sequence) FROM batches");

    public long? NewestSequence => Scalar("SELECT MAX(sequence) FROM batches");

    /// <summary>
    /// Stores a batch under a new sequence number, which replaces <see cref="SignalBatch.Sequence"/> of the draft,
    /// and returns that number. Enforces the size cap in the same transaction.
    /// </summary>
    public long Append(SignalBatch draft) => Append(draft, []);

    /// <summary>
    /// Stores a batch as <see cref="Append(SignalBatch)"/> does and, in the same transaction, the meter register
    /// checkpoints the batch reports (see <see cref="RegisterCheckpoint"/>).
    /// </summary>
    public long Append(SignalBatch draft, IReadOnlyCollection<RegisterCheckpoint> registers)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(registers);
        long sequence;
        List<(long Sequence, long Bytes)> dropped;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            sequence = _nextSequence;
            var payload = ProtocolJson.Serialize(draft with { Sequence = sequence });
            var now = _time.GetUtcNow();
            using var tx = _connection.BeginTransaction();
            Execute(tx, "UPDATE meta SET value = $v WHERE key = $k", ("$k", NextSequenceKey), ("$v", sequence + 1));
            Execute(tx, "INSERT INTO batches (sequence, created_at, bytes, payload) VALUES ($s, $c, $b, $p)",
                ("$s", sequence), ("$c", now.ToUnixTimeMilliseconds()), ("$b", payload.LongLength), ("$p", payload));
            foreach (var register in registers)
            {
                Execute(tx, "INSERT OR REPLACE INTO registers (source, kwh, at_ms) VALUES ($s, $k, $a)",
                    ("$s", register.Source), ("$k", register.Kwh), ("$a", register.At.ToUnixTimeMilliseconds()));
            }

            dropped = _bytes + payload.LongLength > _maxBytes ? DropOldest(tx, _bytes + payload.LongLength - _maxBytes) : [];
            if (dropped.Count > 0)
            {
                Execute(tx, "UPDATE meta SET value = value + $n WHERE key = $k", ("$k", DroppedKey), ("$n", dropped.Count));
            }

            tx.Commit();
            _nextSequence = sequence + 1;
            _depth += 1 - dropped.Count;
            _bytes += payload.LongLength - dropped.Sum(d => d.Bytes);
            _dropped += dropped.Count;
            PublishCounters();
        }

        if (dropped.Count > 0)
        {
            OutboxLog.DroppedOldest(_logger, _maxBytes, dropped.Count, dropped[0].Sequence, dropped[^1].Sequence, Dropped);
        }

        Appended.Notify();
        return sequence;
    }

    /// <summary>The register checkpoints stored with the batches so far, one per source.</summary>
    public IReadOnlyList<RegisterCheckpoint> LoadRegisters()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = Command(null, "SELECT source, kwh, at_ms FROM registers ORDER BY source");
            using var reader = command.ExecuteReader();
            var found = new List<RegisterCheckpoint>();
            while (reader.Read())
            {
                found.Add(new RegisterCheckpoint(reader.GetString(0), reader.GetDouble(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
            }

            return found;
        }
    }

    /// <summary>Up to <paramref name="count"/> batches in sequence order with <paramref name="after"/> &lt; sequence ≤ <paramref name="atMost"/>.</summary>
    public IReadOnlyList<OutboxEntry> PeekOldest(int count, long after = 0, long atMost = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = Command(null, "SELECT sequence, created_at, payload FROM batches WHERE sequence > $a AND sequence <= $m ORDER BY sequence LIMIT $n",
                ("$a", after), ("$m", atMost), ("$n", count));
            using var reader = command.ExecuteReader();
            var entries = new List<OutboxEntry>(Math.Min(count, 64));
            while (reader.Read())
            {
                entries.Add(ReadEntry(reader));
            }

            return entries;
        }
    }

    /// <summary>Up to <paramref name="count"/> sequence numbers in order with <paramref name="after"/> &lt; sequence ≤ <paramref name="atMost"/> (no payloads).</summary>
    public IReadOnlyList<long> PeekSequences(int count, long after = 0, long atMost = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = Command(null, "SELECT sequence FROM batches WHERE sequence > $a AND sequence <= $m ORDER BY sequence LIMIT $n",
                ("$a", after), ("$m", atMost), ("$n", count));
            using var reader = command.ExecuteReader();
            var sequences = new List<long>(Math.Min(count, 256));
            while (reader.Read())
            {
                sequences.Add(reader.GetInt64(0));
            }

            return sequences;
        }
    }

    public OutboxEntry? Get(long sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = Command(null, "SELECT sequence, created_at, payload FROM batches WHERE sequence = $s", ("$s", sequence));
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadEntry(reader) : null;
        }
    }

    /// <summary>Removes a confirmed batch. Returns false when it was not (or no longer) stored.</summary>
    public bool Remove(long sequence) => Take(sequence, quarantineReason: null);

    /// <summary>Removes confirmed batches in one transaction and returns how many were still stored.</summary>
    public int Remove(IReadOnlyCollection<long> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            return 0;
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _connection.BeginTransaction();
            var removed = 0;
            long freed = 0;
            foreach (var sequence in sequences)
            {
                using var delete = Command(tx, "DELETE FROM batches WHERE sequence = $s RETURNING bytes", ("$s", sequence));
                if (delete.ExecuteScalar() is long bytes)
                {
                    removed++;
                    freed += bytes;
                }
            }

            tx.Commit();
            _depth -= removed;
            _bytes -= freed;
            PublishCounters();
            return removed;
        }
    }

    /// <summary>Moves a batch that can never be sent (unreadable payload) out of the queue, keeping it with its reason.</summary>
    public bool Quarantine(long sequence, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        var moved = Take(sequence, reason);
        if (moved)
        {
            _counters.AddQuarantined();
            OutboxLog.Quarantined(_logger, sequence, reason);
        }

        return moved;
    }

    /// <summary>
    /// Moves a batch the collector refused out of the queue into the quarantine, keeping it with the reason; it is
    /// never sent again. Neither counts nor logs (the caller does). Returns false when it was not (or no longer) stored.
    /// </summary>
    public bool QuarantineRefused(long sequence, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return Take(sequence, reason);
    }

    /// <summary>Why a batch is in the quarantine, or null when it is not there.</summary>
    public string? QuarantineReason(long sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = Command(null, "SELECT reason FROM quarantine WHERE sequence = $s", ("$s", sequence));
            return command.ExecuteScalar() as string;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _connection.Dispose();
        }
    }

    private bool Take(long sequence, string? quarantineReason)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _connection.BeginTransaction();
            using var select = Command(tx, "SELECT bytes FROM batches WHERE sequence = $s", ("$s", sequence));
            if (select.ExecuteScalar() is not long bytes)
            {
                return false;
            }

            if (quarantineReason is not null)
            {
                Execute(tx, "INSERT OR REPLACE INTO quarantine (sequence, created_at, quarantined_at, reason, payload) SELECT sequence, created_at, $q, $r, payload FROM batches WHERE sequence = $s",
                    ("$s", sequence), ("$q", _time.GetUtcNow().ToUnixTimeMilliseconds()), ("$r", quarantineReason));
            }

            Execute(tx, "DELETE FROM batches WHERE sequence = $s", ("$s", sequence));
            tx.Commit();
            _depth--;
            _bytes -= bytes;
            PublishCounters();
            return true;
        }
    }

    private List<(long Sequence, long Bytes)> DropOldest(SqliteTransaction tx, long excessBytes)
    {
        var victims = new List<(long, long)>();
        long freed = 0;
        using (var select = Command(tx, "SELECT sequence, bytes FROM batches ORDER BY sequence"))
        using (var reader = select.ExecuteReader())
        {
            while (freed < excessBytes && reader.Read())
            {
                var bytes = reader.GetInt64(1);
                victims.Add((reader.GetInt64(0), bytes));
                freed += bytes;
            }
        }

        foreach (var (sequence, _) in victims)
        {
            Execute(tx, "DELETE FROM batches WHERE sequence = $s", ("$s", sequence));
        }

        return victims;
    }

    private void Initialize()
    {
        using (var pragma = Command(null, "PRAGMA journal_mode=WAL"))
        {
            var mode = pragma.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused journal_mode=WAL for {Path} (got '{mode}').");
            }
        }

        Execute(null, "PRAGMA synchronous=FULL");
        using var tx = _connection.BeginTransaction();
        Execute(tx, "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID");
        Execute(tx, "CREATE TABLE IF NOT EXISTS batches (sequence INTEGER PRIMARY KEY, created_at INTEGER NOT NULL, bytes INTEGER NOT NULL, payload BLOB NOT NULL)");
        Execute(tx, "CREATE TABLE IF NOT EXISTS registers (source TEXT PRIMARY KEY, kwh REAL NOT NULL, at_ms INTEGER NOT NULL) WITHOUT ROWID");
        Execute(tx, "CREATE TABLE IF NOT EXISTS quarantine (sequence INTEGER PRIMARY KEY, created_at INTEGER NOT NULL, quarantined_at INTEGER NOT NULL, reason TEXT NOT NULL, payload BLOB NOT NULL)");
        var firstSequence = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var created = Execute(tx, "INSERT OR IGNORE INTO meta (key, value) VALUES ($k, $v)", ("$k", NextSequenceKey), ("$v", firstSequence)) == 1;
        Execute(tx, "INSERT OR IGNORE INTO meta (key, value) VALUES ($k, 0)", ("$k", DroppedKey));
        Execute(tx, "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', 1)");
        Execute(tx, "INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', $v)", ("$v", firstSequence));
        tx.Commit();

        _nextSequence = MetaValue(NextSequenceKey);
        _dropped = MetaValue(DroppedKey);
        _depth = Scalar("SELECT COUNT(*) FROM batches") ?? 0;
        _bytes = Scalar("SELECT TOTAL(bytes) FROM batches") ?? 0;
        PublishCounters();
        if (created)
        {
            OutboxLog.Created(_logger, Path, firstSequence);
        }
        else
        {
            OutboxLog.Opened(_logger, Path, _depth, _bytes, _nextSequence, _dropped);
        }
    }

    private void PublishCounters()
    {
        _counters.OutboxDepth = _depth;
        _counters.LastSequence = _nextSequence - 1;
        _counters.Dropped = _dropped;
    }

    private long MetaValue(string key) =>
        Scalar("SELECT value FROM meta WHERE key = $k", ("$k", key)) ?? throw new InvalidOperationException($"Outbox {Path} has no meta value '{key}'.");

    private long? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = Command(null, sql, parameters);
            return command.ExecuteScalar() switch
            {
                long l => l,
                double d => (long)d,
                _ => null,
            };
        }
    }

    private static OutboxEntry ReadEntry(SqliteDataReader reader) =>
        new(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), (byte[])reader.GetValue(2));

    private int Execute(SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(tx, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
