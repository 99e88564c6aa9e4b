using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Protocol;
using EdgeCredit.Testing.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Backlog drain after a simulated outage: the agent's outbox is filled with the batches of <c>hours</c> of
/// one-minute windows (one machine, six kinds), as the agent itself would have written them while the network
/// was down; then a real agent starts against a real collector, with live 5-second windows. Prints how fast the
/// backlog drains compared with real time, and how long live batches waited meanwhile.
/// </summary>
internal sealed class BacklogBenchmark(int hours, string[] agentArgs)
{
    public async Task RunAsync()
    {
        using var dir = new TempDirectory("bench-backlog");
        var device = DeviceSpec.Create("bench-ent", "gw-backlog");
        var agentDir = dir.Sub("agent");
        var windows = hours * 60;
        long first, last;
        using (var outbox = OutboxStore.Open(Path.Combine(agentDir, "outbox.db"), 256L * 1024 * 1024, TimeProvider.System, new AgentCounters(), NullLogger.Instance))
        {
            var now = DateTimeOffset.UtcNow;
            var start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(-windows);
            first = outbox.NextSequence;
            for (var w = 0; w < windows; w++)
            {
                outbox.Append(Batch(device, start.AddMinutes(w)));
            }

            last = outbox.NextSequence - 1;
        }

        await using var collector = await CollectorProcess.StartEmbeddedAsync(dir.Sub("collector"), [device]);
        await using var agent = AgentProcess.ForEmbedded(device, agentDir, collector.MqttPort!.Value, TimeSpan.FromSeconds(5), agentArgs);
        Console.WriteLine($"backlog: {windows} one-minute batches ({hours} h) in the outbox, live windows of 5 s; agent args: {string.Join(' ', agentArgs)}");
        var clock = Stopwatch.StartNew();
        agent.Start();
        double drained;
        while (true)
        {
            var stored = Count(collector.DatabasePath, "SELECT count(*) FROM batches WHERE sequence BETWEEN $a AND $b", first, last);
            if (stored == windows)
            {
                drained = clock.Elapsed.TotalSeconds;
                break;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(20))
            {
                throw new TimeoutException($"only {stored} of {windows} backlog batches stored after 20 minutes");
            }

            await Task.Delay(100);
        }

        // Live batches (sequence > last) stored while the backlog drained: delay from window end to storage.
        var delays = LiveDelays(collector.DatabasePath, last);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
              drained {windows} batches in {drained:F1} s = {windows / drained:F1} batches/s = {hours * 3600 / drained:N0}x real time
              live batches stored during the drain: {delays.Count}; window end -> stored: p50 {Percentiles.Of(delays, 50):F0} ms, max {(delays.Count == 0 ? double.NaN : delays.Max()):F0} ms
            """));
        await agent.StopAsync();
    }

    private static SignalBatch Batch(DeviceSpec device, DateTimeOffset start)
    {
        var end = start.AddMinutes(1);
        Signal S(SignalKind kind, double value) => new()
        {
            Start = start, End = end, Source = "press-1", Kind = kind, Value = value, Unit = SignalVocabulary.UnitOf(kind), Quality = SignalQuality.Simulated,
        };
        return new SignalBatch
        {
            Version = 1, Enterprise = device.Enterprise, Device = device.Device, Sequence = 1, SentAt = end,
            Signals = [S(SignalKind.Energy, 0.3), S(SignalKind.PowerAvg, 18), S(SignalKind.PowerPeak, 21), S(SignalKind.RunningSeconds, 50), S(SignalKind.IdleSeconds, 10), S(SignalKind.OffSeconds, 0)],
        };
    }

    private static List<double> LiveDelays(string db, long last)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT b.received_at - max(s.end_ms) FROM batches b JOIN signals s ON s.device = b.device AND s.sequence = b.sequence WHERE b.sequence > $l GROUP BY b.device, b.sequence";
        command.Parameters.AddWithValue("$l", last);
        using var reader = command.ExecuteReader();
        var delays = new List<double>();
        while (reader.Read())
        {
            delays.Add(reader.GetInt64(0));
        }

        return delays;
    }

    private static long Count(string db, string sql, long a, long b)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$a", a);
        command.Parameters.AddWithValue("$b", b);
        try
        {
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // schema not created yet
        }
    }
}
