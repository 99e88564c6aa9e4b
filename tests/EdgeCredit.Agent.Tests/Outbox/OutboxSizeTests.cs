using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Outbox;

/// <summary>Measures what a typical site costs on disk (figures quoted in the agent README).</summary>
public sealed class OutboxSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void Append_OneDayOfTypicalSite_ThirtyDaysFitTheDefaultCap()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        const int batches = 1440; // one day of one-minute windows, 4 machines x 6 kinds
        long payloadBytes;
        using (var outbox = OutboxStore.Open(path, new OutboxOptions().MaxBytes, new FakeTimeProvider(Batches.Start), new AgentCounters(), NullLogger.Instance))
        {
            for (var i = 0; i < batches; i++)
            {
                outbox.Append(Batches.Draft("gw-01", i, machines: 4));
            }

            payloadBytes = outbox.Bytes;
        }

        Checkpoint(path);
        var fileBytes = new FileInfo(path).Length;
        var perBatchPayload = (double)payloadBytes / batches;
        var perBatchFile = (double)fileBytes / batches;
        var thirtyDaysFile = perBatchFile * batches * 30;
        output.WriteLine($"payload per batch: {perBatchPayload:F0} bytes; on disk per batch: {perBatchFile:F0} bytes");
        output.WriteLine($"one day: payload {payloadBytes / 1024.0 / 1024:F2} MiB, file {fileBytes / 1024.0 / 1024:F2} MiB");
        output.WriteLine($"30 days: payload {payloadBytes * 30 / 1024.0 / 1024:F1} MiB, file {thirtyDaysFile / 1024 / 1024:F1} MiB; default cap {new OutboxOptions().MaxBytes / 1024 / 1024} MiB");

        Assert.True(payloadBytes * 30 < new OutboxOptions().MaxBytes, "the default cap must hold 30 days of a typical site");
    }

    private static void Checkpoint(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
    }
}
