using EdgeCredit.Collector.Storage;
using EdgeCredit.Collector.TimeSeries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tests;

/// <summary>A collector store on a temporary file with the sink's store over it; signals inserted by plain SQL.</summary>
internal sealed class SinkStoreFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collector-sink-").FullName;

    public SinkStoreFile()
    {
        Database = new CollectorDatabase(Options.Create(new StorageOptions { Path = Path.Combine(_directory, "collector.db"), Synchronous = SynchronousMode.Normal }));
        Store = new SinkStore(Database, TimeProvider.System);
    }

    public CollectorDatabase Database { get; }

    public SinkStore Store { get; }

    /// <summary>Inserts <paramref name="count"/> signals, one per minute from device gw-01.</summary>
    public void Insert(int count)
    {
        using var connection = Database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO signals (enterprise, device, sequence, idx, start_ms, end_ms, source, kind, value, unit, quality)
            VALUES ('acme', 'gw-01', $seq, 0, $start, $start + 60000, 'press-1', 'energy', $value, 'kWh', 'good')
            """;
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        var start = command.Parameters.Add("$start", SqliteType.Integer);
        var value = command.Parameters.Add("$value", SqliteType.Real);
        var first = Scalar("SELECT coalesce(max(rowid), 0) FROM signals");
        for (var i = 0; i < count; i++)
        {
            seq.Value = first + i + 1;
            start.Value = (first + i) * 60_000;
            value.Value = (first + i) * 0.5;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public long Scalar(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
