using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static EdgeCredit.Collector.Tests.Indicators.IndicatorHarness;

namespace EdgeCredit.Collector.Tests.Indicators;

public sealed class RollupTests
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Ingest_SeveralBatches_RollupsEqualSumOfSignals()
    {
        await using var h = await StartAsync(Hour);
        var random = new Random(7);
        for (var b = 0; b < 5; b++)
        {
            var signals = Enumerable.Range(0, 30).SelectMany(m =>
            {
                var start = Hour.AddMinutes((b * 30) + m);
                return new[]
                {
                    Signal(start, TimeSpan.FromMinutes(1), "press-1", SignalKind.Energy, Math.Round(random.NextDouble(), 3)),
                    Signal(start, TimeSpan.FromMinutes(1), "press-1", SignalKind.RunningSeconds, random.Next(0, 61)),
                };
            }).ToList();
            Assert.Equal(IngestResult.Stored, (await h.SendAsync(signals)).Result);
        }

        using var connection = h.Ingest.Database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.kind, r.value_sum, r.value_count, r.min_value, r.max_value, r.covered_s,
                   (SELECT sum(value) FROM signals s WHERE s.kind = r.kind AND (s.start_ms / 3600000) * 3600000 = r.hour_ms),
                   (SELECT count(*) FROM signals s WHERE s.kind = r.kind AND (s.start_ms / 3600000) * 3600000 = r.hour_ms),
                   (SELECT min(value) FROM signals s WHERE s.kind = r.kind AND (s.start_ms / 3600000) * 3600000 = r.hour_ms),
                   (SELECT max(value) FROM signals s WHERE s.kind = r.kind AND (s.start_ms / 3600000) * 3600000 = r.hour_ms)
            FROM rollups_hourly r ORDER BY r.hour_ms, r.kind
            """;
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            Assert.Equal(reader.GetDouble(6), reader.GetDouble(1), 9);
            Assert.Equal(reader.GetInt64(7), reader.GetInt64(2));
            Assert.Equal(reader.GetDouble(8), reader.GetDouble(3));
            Assert.Equal(reader.GetDouble(9), reader.GetDouble(4));
            Assert.Equal(reader.GetInt64(2) * 60.0, reader.GetDouble(5));
        }

        Assert.Equal(6, rows); // 150 minutes = 3 hours x 2 kinds
        Assert.Equal(3, h.Ingest.Scalar("SELECT count(*) FROM dirty_hours"));
    }

    [Fact]
    public async Task Ingest_DuplicateBatch_DoesNotRollUpTwice()
    {
        await using var h = await StartAsync(Hour);
        var signals = new[] { Signal(Hour, TimeSpan.FromMinutes(1), "press-1", SignalKind.Energy, 0.5) };

        var first = await h.SendAsync(signals, sequence: 41);
        var resend = await h.SendAsync(signals, sequence: 41);

        Assert.Equal(IngestResult.Stored, first.Result);
        Assert.Equal(IngestResult.AlreadyStored, resend.Result);
        Assert.Equal(1, h.Ingest.Scalar("SELECT value_count FROM rollups_hourly"));
        Assert.Equal(500, h.Ingest.Scalar("SELECT CAST(value_sum * 1000 AS INTEGER) FROM rollups_hourly"));
    }

    [Fact]
    public async Task Ingest_FlaggedQuality_CountedButNotSummed()
    {
        await using var h = await StartAsync(Hour);
        await h.SendAsync([
            Signal(Hour, TimeSpan.FromMinutes(1), "press-1", SignalKind.Energy, 0.5),
            Signal(Hour.AddMinutes(1), TimeSpan.FromMinutes(1), "press-1", SignalKind.Energy, 9, SignalQuality.Stale),
        ]);

        Assert.Equal(1, h.Ingest.Scalar("SELECT value_count FROM rollups_hourly"));
        Assert.Equal(1, h.Ingest.Scalar("SELECT flagged_count FROM rollups_hourly"));
        Assert.Equal(60, h.Ingest.Scalar("SELECT covered_s FROM rollups_hourly"));
    }

    [Fact]
    public async Task Open_DatabaseWithSignalsButNoRollups_BackfillsOnceAndMarksDirty()
    {
        await using var h = await StartAsync(Hour);
        await h.SendAsync([
            Signal(Hour, TimeSpan.FromMinutes(1), "press-1", SignalKind.Energy, 0.25),
            Signal(Hour.AddMinutes(70), TimeSpan.FromMinutes(1), "press-1", SignalKind.Energy, 0.75),
        ]);
        var path = h.Ingest.Database.FilePath;
        using (var connection = h.Ingest.Database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE rollups_hourly; DELETE FROM dirty_hours;";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var reopened = new CollectorDatabase(Options.Create(new StorageOptions { Path = path }));
        using (reopened.Open())
        {
        }

        var again = new CollectorDatabase(Options.Create(new StorageOptions { Path = path }));
        using var c = again.Open();
        using var q = c.CreateCommand();
        q.CommandText = "SELECT count(*), sum(value_sum), (SELECT count(*) FROM dirty_hours) FROM rollups_hourly";
        using var reader = q.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(2, reader.GetInt64(0));
        Assert.Equal(1.0, reader.GetDouble(1), 9);
        Assert.Equal(2, reader.GetInt64(2));
    }
}
