using EdgeCredit.Collector.Storage;
using EdgeCredit.Collector.TimeSeries;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Integration.Tests;

/// <summary>
/// The time-series sink stage in-process: a collector store in <paramref name="storeDirectory"/>, the InfluxDB client
/// writer pointed at <paramref name="url"/>, real time. A new harness on the same directory is a restarted collector.
/// </summary>
internal sealed class SinkHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly InfluxTimeSeriesWriter _writer;
    private bool _started;

    public SinkHarness(string storeDirectory, string url, Action<TimeSeriesOptions>? configure = null)
    {
        var options = new TimeSeriesOptions
        {
            Enabled = true,
            Url = url,
            Token = "test-token",
            Org = "edgecredit",
            Bucket = "edgecredit",
            BatchSize = 500,
            MaxBufferedPoints = 2000,
            FlushInterval = TimeSpan.FromMilliseconds(50),
            RetryMin = TimeSpan.FromMilliseconds(50),
            RetryMax = TimeSpan.FromMilliseconds(400),
            WriteTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        var problems = new TimeSeriesOptionsValidator().Validate(null, options);
        Assert.True(problems.Succeeded, problems.FailureMessage);
        Options = options;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        Database = new CollectorDatabase(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Path = Path.Combine(storeDirectory, "collector.db"), Synchronous = SynchronousMode.Normal }));
        Store = new SinkStore(Database, TimeProvider.System);
        Counters = new TimeSeriesCounters(wrapped);
        _writer = new InfluxTimeSeriesWriter(wrapped);
        Sink = new TimeSeriesSink(Store, _writer, Counters, wrapped, TimeProvider.System, Logger);
    }

    public TimeSeriesOptions Options { get; }

    public CollectorDatabase Database { get; }

    public SinkStore Store { get; }

    public TimeSeriesCounters Counters { get; }

    public TimeSeriesSink Sink { get; }

    public RecordingLogger<TimeSeriesSink> Logger { get; } = new();

    public async Task StartAsync()
    {
        _started = true;
        await Sink.StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await Sink.StopAsync(CancellationToken.None);
        }
    }

    public Task<long> CheckpointAsync() => Store.ReadCheckpointAsync(TimeSeriesSink.CheckpointName, CancellationToken.None);

    public Task<long> MaxRowIdAsync() => Store.MaxRowIdAsync(CancellationToken.None);

    /// <summary>Waits until the stored checkpoint reaches <paramref name="rowId"/>.</summary>
    public async Task WaitForCheckpointAsync(long rowId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await CheckpointAsync() < rowId)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"checkpoint {await CheckpointAsync()} did not reach {rowId} within {timeout}; stats {Counters.Snapshot(rowId)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the counters.</summary>
    public async Task WaitForAsync(Func<TimeSeriesStats, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Counters.Snapshot(await MaxRowIdAsync())))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"sink counters did not reach the expected state within {timeout}: {Counters.Snapshot(await MaxRowIdAsync())}");
            }

            await Task.Delay(50);
        }
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
        await StopAsync();
        Sink.Dispose();
        _writer.Dispose();
        _stop.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
