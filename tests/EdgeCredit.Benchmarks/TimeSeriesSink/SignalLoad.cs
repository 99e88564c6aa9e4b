using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;

namespace EdgeCredit.Benchmarks.TimeSeriesSink;

/// <summary>
/// Writes signals into the collector store through the ingest writer's session, as 100 devices x 10 sources:
/// batch k of a device holds its 10 signals for minute k after <see cref="Origin"/>, so every signal is a distinct
/// (series, time) point and the server's sample count must equal the stored row count.
/// </summary>
internal sealed class SignalLoad(CollectorDatabase database)
{
    public const int Devices = 100;
    public const int PerBatch = 10;

    /// <summary>Ten days back: room for 14,000 one-minute windows per device (14 M signals) before they reach the present.</summary>
    public static readonly DateTimeOffset Origin = new(DateTimeOffset.UtcNow.AddDays(-10).Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private long _nextBatch;

    public long SignalsWritten => Interlocked.Read(ref _nextBatch) * PerBatch;

    /// <summary>Stores <paramref name="batches"/> more batches in transactions of up to 1000 batches.</summary>
    public void Write(long batches)
    {
        using var connection = database.Open();
        using var session = new SignalWriteSession(connection);
        for (long done = 0; done < batches;)
        {
            var count = Math.Min(1000, batches - done);
            using var transaction = session.Begin();
            for (var i = 0; i < count; i++)
            {
                var batch = Next(Interlocked.Increment(ref _nextBatch) - 1);
                session.InsertBatch(batch, SignalsHash.Of(batch.Signals), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            }

            session.Commit(transaction);
            done += count;
        }
    }

    private static SignalBatch Next(long index)
    {
        var device = (int)(index % Devices);
        var sequence = (index / Devices) + 1;
        var start = Origin.AddMinutes(sequence);
        var signals = new List<Signal>(PerBatch);
        for (var i = 0; i < PerBatch; i++)
        {
            var kind = (SignalKind)(i % 6);
            signals.Add(new Signal
            {
                Start = start,
                End = start.AddMinutes(1),
                Source = $"machine-{i}",
                Kind = kind,
                Value = (sequence % 60) + (i * 0.5),
                Unit = SignalVocabulary.UnitOf(kind),
                Quality = SignalQuality.Good,
            });
        }

        return new SignalBatch { Version = 1, Enterprise = $"ent-{device % 10:D2}", Device = $"dev-{device:D3}", Sequence = sequence, SentAt = start.AddMinutes(1), Signals = signals };
    }
}
