using EdgeCredit.Protocol;

namespace EdgeCredit.Protocol.Tests;

/// <summary>Builds valid batches for tests; each test changes one thing.</summary>
internal static class Batches
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static SignalBatch Valid(long sequence = 1_764_057_600_000, int machines = 2) => new()
    {
        Version = 1,
        Enterprise = "acme-metal",
        Device = "gw-01",
        Sequence = sequence,
        SentAt = Start.AddMinutes(1).AddMilliseconds(120),
        Signals = Enumerable.Range(1, machines).SelectMany(m => new[]
        {
            Make($"press-{m}", SignalKind.Energy, 0.412 * m),
            Make($"press-{m}", SignalKind.PowerPeak, 31.5),
            Make($"press-{m}", SignalKind.RunningSeconds, 54),
            Make($"press-{m}", SignalKind.ActivityIndex, 0.9),
        }).ToList(),
    };

    public static Signal Make(string source, SignalKind kind, double value, SignalQuality quality = SignalQuality.Good) => new()
    {
        Start = Start,
        End = Start.AddMinutes(1),
        Source = source,
        Kind = kind,
        Value = value,
        Unit = SignalVocabulary.UnitOf(kind),
        Quality = quality,
    };
}
