using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Collector.TimeSeries;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sink = EdgeCredit.Collector.TimeSeries.TimeSeriesSink;

namespace EdgeCredit.Benchmarks.TimeSeriesSink;

/// <summary>
/// influx-sink: fills a collector store with <c>points</c> signals, runs the time-series sink (in-process, the real
/// InfluxDB client) into a real VictoriaMetrics and prints points/s with the peak managed heap and working set. With
/// <c>outage</c> > 0 it then keeps storing <c>rate</c> signals/s, stops VictoriaMetrics for that many seconds,
/// starts it again, and checks that every stored signal arrived exactly once and that memory stayed bounded.
/// </summary>
internal sealed class InfluxSinkBenchmark(long points, int outageSeconds, int rate, int batchSize)
{
    private const string Series = "{__name__=\"signal_value\"}";

    public async Task<int> RunAsync()
    {
        using var dir = new TempDirectory("bench-influx-sink");
        await using var vm = await VictoriaMetricsServer.StartAsync(Path.Combine(dir.Path, "vm"));
        var database = new CollectorDatabase(Options.Create(new StorageOptions { Path = Path.Combine(dir.Path, "collector.db"), Synchronous = SynchronousMode.Normal }));
        var load = new SignalLoad(database);
        var fill = Stopwatch.StartNew();
        load.Write(points / SignalLoad.PerBatch);
        Print($"filled the store with {load.SignalsWritten:N0} signals in {fill.Elapsed.TotalSeconds:F1} s; heap {MemoryWatch.HeapMiB:F0} MiB, working set {MemoryWatch.WorkingSetMiB:F0} MiB");

        var options = new TimeSeriesOptions
        {
            Enabled = true,
            Url = vm.Url,
            Token = "bench",
            Org = "edgecredit",
            Bucket = "edgecredit",
            BatchSize = batchSize,
            MaxBufferedPoints = 4 * batchSize,
        };
        Print($"sink: BatchSize {options.BatchSize}, MaxBufferedPoints {options.MaxBufferedPoints}, FlushInterval {options.FlushInterval}, RetryMin {options.RetryMin}, RetryMax {options.RetryMax}");
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(c => { c.SingleLine = true; c.TimestampFormat = "HH:mm:ss "; }).SetMinimumLevel(LogLevel.Warning));
        var wrapped = Options.Create(options);
        var store = new SinkStore(database, TimeProvider.System);
        var counters = new TimeSeriesCounters(wrapped);
        using var writer = new InfluxTimeSeriesWriter(wrapped);
        using var sink = new Sink(store, writer, counters, wrapped, TimeProvider.System, loggers.CreateLogger<Sink>());
        await using var memory = new MemoryWatch();

        GC.Collect();
        memory.Reset();
        var cpu0 = ProcStat.CpuSeconds(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        await sink.StartAsync(CancellationToken.None);
        await WaitCaughtUpAsync(store, counters, memory, clock, TimeSpan.FromMinutes(30));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = ProcStat.CpuSeconds(Environment.ProcessId) - cpu0;
        Print($"backlog: {counters.Snapshot(0).PointsWritten:N0} points in {seconds:F1} s = {counters.Snapshot(0).PointsWritten / seconds:N0} points/s, {cpu:F1} CPU-s in this process ({cpu / seconds * 100:F0}% of one core); peak heap {memory.PeakHeapMiB:F0} MiB, peak working set {memory.PeakWorkingSetMiB:F0} MiB");

        var ok = true;
        if (outageSeconds > 0)
        {
            ok = await OutageAsync(vm, load, store, counters, memory);
        }

        await sink.StopAsync(CancellationToken.None);
        var stored = load.SignalsWritten;
        var exported = await vm.ExportAsync(Series);
        var samples = exported.Sum(s => (long)s.Timestamps.Length);
        var doubled = exported.Sum(s => (long)(s.Timestamps.Length - s.Timestamps.Distinct().Count()));
        var stats = counters.Snapshot(await store.MaxRowIdAsync(CancellationToken.None));
        Print($"check: stored {stored:N0} signals, server holds {samples:N0} samples in {exported.Count} series, {doubled} doubled; sink wrote {stats.PointsWritten:N0} points in {stats.BatchesWritten:N0} batches, {stats.Retries} retries, {stats.RejectedBatches} rejected, lag {stats.LagRows}");
        Print($"peak working set of the process (VmHWM, whole run incl. fill): {ProcStat.MemoryMiB(Environment.ProcessId, "VmHWM"):F0} MiB");
        ok &= samples == stored && doubled == 0 && stats.RejectedBatches == 0;
        Print(ok ? "RESULT: every signal arrived exactly once" : "RESULT: FAILED");
        SqliteConnection.ClearAllPools();
        return ok ? 0 : 1;
    }

    private async Task<bool> OutageAsync(VictoriaMetricsServer vm, SignalLoad load, SinkStore store, TimeSeriesCounters counters, MemoryWatch memory)
    {
        using var stop = new CancellationTokenSource();
        GC.Collect();
        memory.Reset();
        var producer = ProduceAsync(load, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var before = counters.Snapshot(await store.MaxRowIdAsync(CancellationToken.None));
        Print($"under load ({rate:N0} signals/s arriving): lag {before.LagRows:N0}, heap {MemoryWatch.HeapMiB:F0} MiB, working set {MemoryWatch.WorkingSetMiB:F0} MiB; stopping VictoriaMetrics for {outageSeconds} s");
        var peakHeapBefore = memory.PeakHeapMiB;
        memory.Reset();
        await vm.StopAsync();
        var outage = Stopwatch.StartNew();
        while (outage.Elapsed < TimeSpan.FromSeconds(outageSeconds))
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Max(1, outageSeconds - outage.Elapsed.TotalSeconds))));
            var now = counters.Snapshot(await store.MaxRowIdAsync(CancellationToken.None));
            Print($"  outage t={outage.Elapsed.TotalSeconds,4:F0} s: stored {load.SignalsWritten:N0}, checkpoint {now.Checkpoint:N0}, lag {now.LagRows:N0}, in sink memory {now.BufferedPoints:N0} signals, retries {now.Retries}, heap {MemoryWatch.HeapMiB:F0} MiB (peak {memory.PeakHeapMiB:F0}), working set {MemoryWatch.WorkingSetMiB:F0} MiB (peak {memory.PeakWorkingSetMiB:F0})");
        }

        var duringHeap = memory.PeakHeapMiB;
        var duringWs = memory.PeakWorkingSetMiB;
        var atRestart = counters.Snapshot(await store.MaxRowIdAsync(CancellationToken.None));
        await vm.StartAgainAsync();
        Print($"VictoriaMetrics started again after {outage.Elapsed.TotalSeconds:F0} s; lag {atRestart.LagRows:N0}, checkpoint unchanged during outage: {atRestart.Checkpoint == before.Checkpoint}");
        memory.Reset();
        var catchUp = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await producer;
        await WaitCaughtUpAsync(store, counters, memory, catchUp, TimeSpan.FromMinutes(30));
        Print($"caught up {catchUp.Elapsed.TotalSeconds:F1} s after the restart (load kept arriving for the first 10 s); peak heap {memory.PeakHeapMiB:F0} MiB, peak working set {memory.PeakWorkingSetMiB:F0} MiB");
        Print($"memory during the outage: peak heap {duringHeap:F0} MiB (in the 10 s of load before it {peakHeapBefore:F0} MiB), peak working set {duringWs:F0} MiB, while the lag grew to {atRestart.LagRows:N0} signals");
        return atRestart.Checkpoint == before.Checkpoint;
    }

    /// <summary>Stores <c>rate</c> signals per second in 10 slices per second until cancelled.</summary>
    private async Task ProduceAsync(SignalLoad load, CancellationToken cancellationToken)
    {
        var perTick = Math.Max(1, rate / SignalLoad.PerBatch / 10);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                load.Write(perTick);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task WaitCaughtUpAsync(SinkStore store, TimeSeriesCounters counters, MemoryWatch memory, Stopwatch clock, TimeSpan timeout)
    {
        var last = TimeSpan.Zero;
        while (true)
        {
            var stats = counters.Snapshot(await store.MaxRowIdAsync(CancellationToken.None));
            if (stats.LagRows == 0 && stats.Checkpoint > 0)
            {
                return;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"sink did not catch up within {timeout}: {stats}");
            }

            if (clock.Elapsed - last >= TimeSpan.FromSeconds(5))
            {
                last = clock.Elapsed;
                Print($"  t={clock.Elapsed.TotalSeconds,5:F0} s: written {stats.PointsWritten:N0}, lag {stats.LagRows:N0}, heap {MemoryWatch.HeapMiB:F0} MiB (peak {memory.PeakHeapMiB:F0}), working set {MemoryWatch.WorkingSetMiB:F0} MiB (peak {memory.PeakWorkingSetMiB:F0})");
            }

            await Task.Delay(100);
        }
    }

    private static void Print(string line) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss} {line}"));
}
