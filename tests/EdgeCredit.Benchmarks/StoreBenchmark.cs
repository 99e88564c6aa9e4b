using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;
using EdgeCredit.Testing.Infrastructure;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// The collector's SQLite write path alone (no broker, no parsing): batches of 10 signals written through the
/// same prepared-statement session the ingest writer uses, in transactions of <c>perTransaction</c> batches.
/// Separates the store's cost from the network's when reading the ingest figures.
/// </summary>
internal sealed class StoreBenchmark(int batches, int perTransaction, SynchronousMode synchronous)
{
    public void Run()
    {
        using var dir = new TempDirectory("bench-store");
        var database = new CollectorDatabase(Options.Create(new StorageOptions { Path = Path.Combine(dir.Path, "collector.db"), Synchronous = synchronous }));
        using var connection = database.Open();
        using var session = new SignalWriteSession(connection);
        var devices = Enumerable.Range(1, 100).Select(i => DeviceSpec.Create("bench-ent", $"dev-{i:D4}")).ToArray();
        var work = Enumerable.Range(0, batches).Select(i => TestBatches.Valid(devices[i % devices.Length], 1 + (i / devices.Length), 10)).ToArray();
        var hashes = work.Select(b => SignalsHash.Of(b.Signals)).ToArray();
        var cpu0 = ProcStat.CpuSeconds(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < batches; start += perTransaction)
        {
            using var transaction = session.Begin();
            for (var i = start; i < Math.Min(batches, start + perTransaction); i++)
            {
                session.InsertBatch(work[i], hashes[i], 1);
            }

            session.Commit(transaction);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = ProcStat.CpuSeconds(Environment.ProcessId) - cpu0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store: {batches:N0} batches x 10 signals, {perTransaction} per transaction, synchronous={synchronous}: {batches / seconds:N0} batches/s = {batches * 10 / seconds:N0} signals/s, {cpu / batches * 1e6:F0} µs CPU per batch"));
    }
}
