using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Storage;

/// <summary>
/// Opens connections to the collector's SQLite file (WAL, configured synchronous, busy timeout) and creates
/// (or migrates) the schema on first use. Callers own and dispose the connections they open.
/// </summary>
internal sealed class CollectorDatabase
{
    private readonly StorageOptions _options;
    private readonly string _connectionString;
    private readonly Lock _initLock = new();
    private bool _initialized;

    public CollectorDatabase(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        FilePath = Path.GetFullPath(_options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public SqliteConnection Open()
    {
        EnsureInitialized();
        return OpenConfigured();
    }

    private SqliteConnection OpenConfigured()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            var synchronous = _options.Synchronous == SynchronousMode.Full ? "FULL" : "NORMAL";
            var busy = ((long)_options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            pragma.CommandText = $"PRAGMA busy_timeout = {busy}; PRAGMA synchronous = {synchronous};";
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void EnsureInitialized()
    {
        if (Volatile.Read(ref _initialized))
        {
            return;
        }

        lock (_initLock)
        {
            if (_initialized)
            {
                return;
            }

            var directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var connection = OpenConfigured();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
            using (var transaction = connection.BeginTransaction())
            {
                command.Transaction = transaction;
                command.CommandText = Schema.Create;
                command.ExecuteNonQuery();
                command.CommandText = Webhooks.WebhookSchema.Create;
                command.ExecuteNonQuery();
                TimeSeries.SinkSchema.Apply(command);
                command.CommandText = Warnings.WarningSchema.Create;
                command.ExecuteNonQuery();
                command.CommandText = Profiles.ProfileSchema.Create;
                command.ExecuteNonQuery();
                command.CommandText = "SELECT count(*) FROM pragma_table_info('batches') WHERE name = 'signals_hash'";
                if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                {
                    command.CommandText = Schema.MigrateFrom1;
                    command.ExecuteNonQuery();
                }

                RollupSchema.Apply(command);
                command.CommandText = $"PRAGMA user_version = {Schema.Version.ToString(CultureInfo.InvariantCulture)};";
                command.ExecuteNonQuery();
                transaction.Commit();
            }

            Volatile.Write(ref _initialized, true);
        }
    }
}
