using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;

namespace EdgeCredit.Integration.Tests;

/// <summary>Writes signal batches into a collector store through the ingest writer's own session, with known windows.</summary>
internal static class StoredSignals
{
    public const string Enterprise = "acme-metal";

    /// <summary>A minute-aligned time a day ago: inside any retention, never in the future.</summary>
    public static readonly DateTimeOffset Origin = new(DateTimeOffset.UtcNow.AddDays(-1).Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);

    /// <summary>
    /// Stores <paramref name="batches"/> batches of <paramref name="perBatch"/> signals for <paramref name="device"/>,
    /// sequences from <paramref name="firstSequence"/>; batch n covers minute n after <see cref="Origin"/>, signal i
    /// comes from source machine-i, so every signal is its own (series, time) point.
    /// </summary>
    public static IReadOnlyList<SignalBatch> Fill(CollectorDatabase database, string device, long firstSequence, int batches, int perBatch)
    {
        using var connection = database.Open();
        using var session = new SignalWriteSession(connection);
        using var transaction = session.Begin();
        var written = new List<SignalBatch>(batches);
        for (var b = 0; b < batches; b++)
        {
            var sequence = firstSequence + b;
            var start = Origin.AddMinutes(sequence);
            var signals = Enumerable.Range(0, perBatch).Select(i =>
            {
                var kind = i % 2 == 0 ? SignalKind.Energy : SignalKind.RunningSeconds;
                return new Signal
                {
                    Start = start,
                    End = start.AddMinutes(1),
                    Source = $"machine-{i}",
                    Kind = kind,
                    Value = kind == SignalKind.Energy ? 0.25 * (b + 1) : 30 + i,
                    Unit = SignalVocabulary.UnitOf(kind),
                    Quality = i == 1 ? SignalQuality.Stale : SignalQuality.Good,
                };
            }).ToList();
            var batch = new SignalBatch { Version = 1, Enterprise = Enterprise, Device = device, Sequence = sequence, SentAt = start.AddMinutes(1), Signals = signals };
            session.InsertBatch(batch, SignalsHash.Of(batch.Signals), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            written.Add(batch);
        }

        session.Commit(transaction);
        return written;
    }
}
