using Microsoft.Data.Sqlite;

namespace EdgeCredit.Testing.Infrastructure;

/// <summary>
/// Compares what an agent produced with what the collector stored, by reading both SQLite databases
/// (read-only; WAL lets us read while the programs run). Every issued sequence must be stored exactly once
/// or still be waiting in the outbox; nothing stored may be unknown to the agent.
/// </summary>
internal sealed record Ledger(
    string Device,
    long FirstIssued,
    long LastIssued,
    IReadOnlyList<long> Pending,
    IReadOnlyList<long> Missing,
    IReadOnlyList<long> Unexpected,
    long StoredBatches,
    long StoredSignals,
    long DeclaredSignals,
    long DuplicateSignals,
    long Dropped)
{
    public long Issued => LastIssued - FirstIssued + 1;

    public bool Complete => Missing.Count == 0 && Unexpected.Count == 0 && Pending.Count == 0 && DuplicateSignals == 0 && StoredSignals == DeclaredSignals;

    public static Ledger Read(string outboxPath, string collectorDatabasePath, string device)
    {
        long first, next, dropped;
        List<long> pending;
        using (var outbox = Open(outboxPath))
        {
            first = Scalar(outbox, "SELECT value FROM meta WHERE key = 'created_at'");
            next = Scalar(outbox, "SELECT value FROM meta WHERE key = 'next_sequence'");
            dropped = Scalar(outbox, "SELECT value FROM meta WHERE key = 'dropped'");
            pending = Column(outbox, "SELECT sequence FROM batches ORDER BY sequence");
        }

        using var collector = Open(collectorDatabasePath);
        var stored = Column(collector, "SELECT sequence FROM batches WHERE device = $d ORDER BY sequence", device);
        var storedSignals = Scalar(collector, "SELECT count(*) FROM signals WHERE device = $d", device);
        var declared = Scalar(collector, "SELECT coalesce(sum(signal_count), 0) FROM batches WHERE device = $d", device);
        var duplicates = Scalar(collector, "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT sequence, idx FROM signals WHERE device = $d)) FROM signals WHERE device = $d", device);

        var storedSet = stored.ToHashSet();
        var pendingSet = pending.ToHashSet();
        var missing = new List<long>();
        for (var s = first; s < next; s++)
        {
            if (!storedSet.Contains(s) && !pendingSet.Contains(s))
            {
                missing.Add(s);
            }
        }

        var unexpected = stored.Where(s => s < first || s >= next).ToList();
        return new Ledger(device, first, next - 1, pending, missing, unexpected, stored.Count, storedSignals, declared, duplicates, dropped);
    }

    /// <summary>Polls until the outbox is drained and every issued batch is stored, or the timeout passes.</summary>
    public static async Task<Ledger> WaitCompleteAsync(string outboxPath, string collectorDatabasePath, string device, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var ledger = Read(outboxPath, collectorDatabasePath, device);
            if (ledger.Complete || DateTime.UtcNow > deadline)
            {
                return ledger;
            }

            await Task.Delay(200);
        }
    }

    public override string ToString() =>
        $"{Device}: issued {Issued} ({FirstIssued}..{LastIssued}), stored {StoredBatches}, pending {Pending.Count}, missing {Missing.Count} [{string.Join(',', Missing.Take(10))}], " +
        $"unexpected {Unexpected.Count}, signals stored {StoredSignals} of {DeclaredSignals} declared, duplicate signals {DuplicateSignals}, dropped {Dropped}";

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 10, Pooling = false }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 5000";
        busy.ExecuteNonQuery();
        return connection;
    }

    private static long Scalar(SqliteConnection connection, string sql, string? device = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (device is not null)
        {
            command.Parameters.AddWithValue("$d", device);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<long> Column(SqliteConnection connection, string sql, string? device = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (device is not null)
        {
            command.Parameters.AddWithValue("$d", device);
        }

        var values = new List<long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }

        return values;
    }
}
