using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;
using Microsoft.Data.Sqlite;

namespace EdgeCredit.Integration.Tests;

/// <summary>Agent -> embedded broker -> collector (TimeSeries enabled) -> VictoriaMetrics, all real processes on loopback.</summary>
public sealed class TimeSeriesPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new("timeseries-pipeline");
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Pipeline_ServerDownAndCollectorRestarted_EveryStoredSignalArrivesOnce()
    {
        var vm = Own(await VictoriaMetricsServer.StartAsync(_dir.Sub("vm")));
        var device = DeviceSpec.Create("acme-metal", "gw-01");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [device],
            "--TimeSeries:Enabled=true", $"--TimeSeries:Url={vm.Url}", "--TimeSeries:Token=test", "--TimeSeries:Org=edgecredit",
            "--TimeSeries:FlushInterval=00:00:00.200", "--TimeSeries:RetryMin=00:00:00.100", "--TimeSeries:RetryMax=00:00:00.500"));
        var agent = Own(AgentProcess.ForEmbedded(device, _dir.Sub("agent"), collector.MqttPort!.Value, TimeSpan.FromSeconds(1)));
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/timeseries/stats", s => s.GetProperty("pointsWritten").GetInt64() >= 10, Timeout);

        // Server down: once a write has failed, every earlier accepted batch is checkpointed and nothing is in flight.
        await vm.StopAsync();
        var down = await ApiWait.UntilAsync(collector, "/api/v1/timeseries/stats", s => s.GetProperty("retries").GetInt64() >= 2, Timeout);
        var checkpoint = down.GetProperty("checkpoint").GetInt64();
        await ApiWait.UntilAsync(collector, "/api/v1/timeseries/stats", s => s.GetProperty("lagRows").GetInt64() > 0, Timeout);

        // Collector restarted while the server is still down: it resumes from the stored checkpoint.
        await collector.StopAsync();
        await collector.RestartAsync();
        var resumed = await collector.GetJsonAsync("/api/v1/timeseries/stats");
        Assert.Equal(checkpoint, resumed.GetProperty("checkpoint").GetInt64());

        await vm.StartAgainAsync();
        await ApiWait.UntilAsync(collector, "/api/v1/timeseries/stats", s => s.GetProperty("checkpoint").GetInt64() > checkpoint, Timeout);
        await agent.StopAsync();
        var stored = await StableSignalCountAsync(collector);
        await ApiWait.UntilAsync(collector, "/api/v1/timeseries/stats", s => s.GetProperty("checkpoint").GetInt64() >= MaxRowId(collector) && s.GetProperty("lagRows").GetInt64() == 0, Timeout);

        var series = await vm.ExportAsync("{__name__=\"signal_value\"}");
        Assert.Equal(stored, series.Sum(s => (long)s.Timestamps.Length));
        Assert.All(series, s => Assert.Equal(s.Timestamps.Length, s.Timestamps.Distinct().Count()));
        Assert.All(series, s => Assert.Equal(("acme-metal", "gw-01"), (s.Labels["enterprise"], s.Labels["device"])));
        Assert.Empty(collector.Process.ErrorLines());
    }

    /// <summary>The collector's stored signal count once the agent stopped and the last batches are in.</summary>
    private static async Task<long> StableSignalCountAsync(CollectorProcess collector)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var last = -1L;
        while (true)
        {
            var count = Scalar(collector, "SELECT count(*) FROM signals");
            if (count == last || DateTime.UtcNow > deadline)
            {
                return count;
            }

            last = count;
            await Task.Delay(1000);
        }
    }

    private static long MaxRowId(CollectorProcess collector) => Scalar(collector, "SELECT coalesce(max(rowid), 0) FROM signals");

    private static long Scalar(CollectorProcess collector, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={collector.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }
}
