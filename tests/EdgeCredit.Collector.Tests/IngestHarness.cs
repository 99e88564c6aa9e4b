using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Collector.Tests;

/// <summary>The ingest stage on a temporary SQLite file, with a fake clock and a running writer.</summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 45, 0, TimeSpan.Zero);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _directory;

    public IngestHarness(int maxBatchMessages = 1000, int queueCapacity = 20_000, int receiptQueueCapacity = 10_000, DateTimeOffset? now = null)
    {
        _directory = Directory.CreateTempSubdirectory("collector-ingest-").FullName;
        Time = new FakeTimeProvider(now ?? Now);
        var ingestOptions = Options.Create(new IngestOptions { MaxBatchMessages = maxBatchMessages, MaxBatchDelay = TimeSpan.Zero, QueueCapacity = queueCapacity, ReceiptQueueCapacity = receiptQueueCapacity });
        var registryOptions = new RegistryOptions();
        registryOptions.Devices.Add(new DeviceOptions { Id = TestBatches.Device, Enterprise = TestBatches.Enterprise, SecretHash = SecretHash.Create("s3cret").ToString() });
        registryOptions.Devices.Add(new DeviceOptions { Id = TestBatches.OtherDevice, Enterprise = TestBatches.Enterprise, SecretHash = SecretHash.Create("other").ToString() });
        Database = new CollectorDatabase(Options.Create(new StorageOptions { Path = Path.Combine(_directory, "sub", "collector.db") }));
        Queue = new IngestQueue(ingestOptions);
        Receipts = new ReceiptQueue(ingestOptions);
        Counters = new IngestCounters(Queue, Receipts);
        Ingestor = new SignalIngestor(Queue, new DeviceRegistry(Options.Create(registryOptions)), ingestOptions, Time);
        Writer = new IngestWriter(Queue, Receipts, Database, Counters, ingestOptions, Time, NullLogger<IngestWriter>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public CollectorDatabase Database { get; }

    public IngestQueue Queue { get; }

    public ReceiptQueue Receipts { get; }

    public IngestCounters Counters { get; }

    public SignalIngestor Ingestor { get; }

    public IngestWriter Writer { get; }

    public Task StartAsync() => Writer.StartAsync(_stop.Token);

    /// <summary>The receipts queued so far (they are queued before the acknowledgement is released).</summary>
    public List<DeviceReceipt> TakeReceipts()
    {
        var result = new List<DeviceReceipt>();
        while (Receipts.Reader.TryRead(out var receipt))
        {
            result.Add(receipt);
        }

        return result;
    }

    public long Scalar(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string? Text(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Writer.StopAsync(CancellationToken.None);
        Writer.Dispose();
        _stop.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
