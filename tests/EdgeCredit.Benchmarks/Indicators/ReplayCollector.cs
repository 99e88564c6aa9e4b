using System.Buffers;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Benchmarks.Indicators;

/// <summary>
/// The collector's real ingest path (SignalIngestor validation, bounded queue, IngestWriter transactions into SQLite,
/// rollups in the same transaction) and its indicator engine, in this process, on a temporary database.
/// </summary>
internal sealed class ReplayCollector : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly string _directory;
    private readonly IngestWriter _writer;
    private readonly SignalIngestor _ingestor;
    private readonly List<Task<IngestOutcome>> _pending = [];
    private long _sequence;

    public ReplayCollector(EnterpriseOptions enterprise, string device, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        Device = device;
        Enterprise = enterprise.Id!;
        _directory = Directory.CreateTempSubdirectory("indicators-replay-").FullName;
        Clock = new ReplayClock(start);
        var ingest = Options.Create(new IngestOptions { MaxBatchMessages = 1000, MaxBatchDelay = TimeSpan.Zero });
        var registry = new RegistryOptions();
        registry.Devices.Add(new DeviceOptions { Id = device, Enterprise = Enterprise });
        registry.Enterprises.Add(enterprise);
        var problems = new CalendarOptionsValidator().Validate(null, registry);
        if (problems.Failed)
        {
            throw new InvalidOperationException(problems.FailureMessage);
        }

        Database = new CollectorDatabase(Options.Create(new StorageOptions { Path = Path.Combine(_directory, "collector.db"), Synchronous = SynchronousMode.Normal }));
        var queue = new IngestQueue(ingest);
        var receipts = new ReceiptQueue(ingest);
        _ingestor = new SignalIngestor(queue, new DeviceRegistry(Options.Create(registry)), ingest, Clock);
        _writer = new IngestWriter(queue, receipts, Database, new IngestCounters(queue, receipts), ingest, Clock, NullLogger<IngestWriter>.Instance);
        Calendars = new EnterpriseCalendars(Options.Create(registry));
        Store = new IndicatorStore(Database);
        Engine = new IndicatorEngine(Store, Calendars, Options.Create(new IndicatorOptions()), Clock);
    }

    public string Device { get; }

    public string Enterprise { get; }

    public ReplayClock Clock { get; }

    public CollectorDatabase Database { get; }

    public EnterpriseCalendars Calendars { get; }

    public IndicatorStore Store { get; }

    public IndicatorEngine Engine { get; }

    public Task StartAsync() => _writer.StartAsync(_stop.Token);

    /// <summary>Serialises a batch as the agent would and submits it at the time its last window ends.</summary>
    public async Task SubmitAsync(IReadOnlyList<Signal> signals)
    {
        var end = signals.Max(s => s.End);
        if (end > Clock.Now)
        {
            Clock.Now = end;
        }

        var batch = new SignalBatch { Version = 1, Enterprise = Enterprise, Device = Device, Sequence = ++_sequence, SentAt = Clock.Now, Signals = signals };
        var payload = ProtocolJson.Serialize(batch);
        var message = new IncomingMessage(Topics.SignalsOf(Enterprise, Device), new ReadOnlySequence<byte>(payload), Device, Device);
        _pending.Add(await _ingestor.SubmitSignalsAsync(message, CancellationToken.None));
    }

    /// <summary>Waits for every submitted batch's commit; returns (stored, other outcomes).</summary>
    public async Task<(int Stored, int Other)> DrainAsync()
    {
        var outcomes = await Task.WhenAll(_pending);
        _pending.Clear();
        var stored = outcomes.Count(o => o.Result == IngestResult.Stored);
        return (stored, outcomes.Length - stored);
    }

    public long Scalar(string sql)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL from the replay itself.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        _stop.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
