using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Outbox;

public sealed class OutboxStoreTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly TestLog _log = new(output);
    private FakeTimeProvider _time = new(Now);
    private readonly AgentCounters _counters = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_FreshDatabase_SequenceStartsAtUnixMilliseconds()
    {
        using var outbox = Open();

        var sequence = outbox.Append(Batches.Draft("gw-01"));

        Assert.Equal(Now.ToUnixTimeMilliseconds(), sequence);
        Assert.Equal(sequence, _counters.LastSequence);
    }

    [Fact]
    public void Open_MissingDirectory_CreatesItWithWal()
    {
        var path = Path.Combine(_dir.Path, "a", "b", "outbox.db");
        using (var outbox = Open(path))
        {
            outbox.Append(Batches.Draft("gw-01"));
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Append_Several_PeekReturnsOldestFirstWithAssignedSequences()
    {
        using var outbox = Open();
        var sequences = Enumerable.Range(0, 5).Select(i => outbox.Append(Batches.Draft("gw-01", i))).ToList();

        var peeked = outbox.PeekOldest(3);

        Assert.Equal(sequences.Take(3), peeked.Select(e => e.Sequence));
        Assert.Equal(sequences[0], outbox.OldestSequence);
        Assert.Equal(sequences[^1], outbox.NewestSequence);
        Assert.Equal(5, outbox.Depth);
        Assert.Equal(5, _counters.OutboxDepth);
        var stored = SignalBatchParser.Parse(peeked[1].Payload.Span);
        Assert.True(stored.IsValid, stored.Detail);
        Assert.Equal(sequences[1], stored.Batch!.Sequence);
        Assert.Equal(sequences.Skip(2), outbox.PeekOldest(10, after: sequences[1]).Select(e => e.Sequence));
        Assert.Equal(sequences.Take(2), outbox.PeekOldest(10, atMost: sequences[1]).Select(e => e.Sequence));
    }

    [Fact]
    public void Remove_BySequence_GoneAndBytesShrink()
    {
        using var outbox = Open();
        var a = outbox.Append(Batches.Draft("gw-01", 0));
        var b = outbox.Append(Batches.Draft("gw-01", 1));
        var bytesBefore = outbox.Bytes;

        Assert.True(outbox.Remove(a));
        Assert.False(outbox.Remove(a));

        Assert.Null(outbox.Get(a));
        Assert.Equal(b, outbox.Get(b)!.Sequence);
        Assert.Equal(1, outbox.Depth);
        Assert.True(outbox.Bytes < bytesBefore);
    }

    [Fact]
    public void Reopen_AfterRestart_KeepsDataAndContinuesSequence()
    {
        var path = _dir.File("outbox.db");
        long last;
        using (var outbox = Open(path))
        {
            outbox.Append(Batches.Draft("gw-01", 0));
            last = outbox.Append(Batches.Draft("gw-01", 1));
            outbox.Remove(last); // even the newest, acknowledged batch's number must not come back
        }

        _time = new FakeTimeProvider(Now.AddDays(-1)); // a clock that went backwards must not matter either
        using var reopened = Open(path);
        var next = reopened.Append(Batches.Draft("gw-01", 2));

        Assert.Equal(last + 1, next);
        Assert.Equal(2, reopened.Depth);
        Assert.Equal(last - 1, reopened.OldestSequence);
    }

    [Fact]
    public void Append_OverCap_DropsOldestAndCountsPersistently()
    {
        var path = _dir.File("outbox.db");
        var big = Batches.Draft("gw-01", 0, machines: 160); // 960 signals, about 190 KB
        var sequences = new List<long>();
        using (var outbox = Open(path, OutboxOptions.MiB))
        {
            for (var i = 0; i < 12; i++)
            {
                sequences.Add(outbox.Append(big));
            }

            Assert.True(outbox.Bytes <= OutboxOptions.MiB, $"{outbox.Bytes} bytes stored");
            Assert.True(outbox.Dropped > 0);
            Assert.Equal(outbox.Dropped, _counters.Dropped);
            Assert.Equal(12 - outbox.Dropped, outbox.Depth);
            Assert.Equal(sequences[(int)outbox.Dropped], outbox.OldestSequence);
            Assert.Equal(sequences[^1], outbox.NewestSequence);
        }

        Assert.Contains(_log.Entries, e => e.EventId == 4003);
        using var reopened = Open(path, OutboxOptions.MiB);
        Assert.Equal(12 - reopened.Depth, reopened.Dropped);
    }

    [Fact]
    public void Quarantine_Batch_LeavesTheQueue()
    {
        using var outbox = Open();
        var sequence = outbox.Append(Batches.Draft("gw-01"));
        _log.ExpectError(4004);

        Assert.True(outbox.Quarantine(sequence, "test"));

        Assert.Equal(0, outbox.Depth);
        Assert.Equal(1, _counters.Quarantined);
    }

    [Fact]
    public void Remove_SeveralConfirmed_RemovesThoseStoredAndCountsThem()
    {
        using var outbox = Open();
        var sequences = Enumerable.Range(0, 4).Select(i => outbox.Append(Batches.Draft("gw-01", i))).ToList();
        var bytes = outbox.Bytes;

        var removed = outbox.Remove([sequences[0], sequences[2], 12345]);

        Assert.Equal(2, removed);
        Assert.Equal(2, outbox.Depth);
        Assert.Equal(2, _counters.OutboxDepth);
        Assert.True(outbox.Bytes < bytes);
        Assert.Equal([sequences[1], sequences[3]], outbox.PeekSequences(10));
        Assert.Equal(0, outbox.Remove([sequences[0]]));
    }

    [Fact]
    public void QuarantineRefused_Batch_KeepsTheReasonWithoutErrorLog()
    {
        using var outbox = Open();
        var sequence = outbox.Append(Batches.Draft("gw-01"));

        Assert.True(outbox.QuarantineRefused(sequence, "refused by the collector: value_out_of_range: x"));

        Assert.Equal(0, outbox.Depth);
        Assert.Null(outbox.Get(sequence));
        Assert.Equal("refused by the collector: value_out_of_range: x", outbox.QuarantineReason(sequence));
        Assert.Equal(0, _counters.Quarantined);
        Assert.False(outbox.QuarantineRefused(sequence, "again"));
        _log.AssertNoUnexpectedErrors();
    }

    private OutboxStore Open(string? path = null, long maxBytes = 64 * OutboxOptions.MiB) =>
        OutboxStore.Open(path ?? _dir.File("outbox.db"), maxBytes, _time, _counters, _log.For<OutboxStore>());
}
