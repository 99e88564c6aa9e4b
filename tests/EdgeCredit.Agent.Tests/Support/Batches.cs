using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Support;

/// <summary>Draft batches for tests (the outbox assigns the sequence).</summary>
internal static class Batches
{
    public const string Enterprise = "test-ent";

    public static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    /// <summary>A typical batch: <paramref name="machines"/> machines × the six energy kinds over one minute.</summary>
    public static SignalBatch Draft(string device, int minute = 0, int machines = 2)
    {
        var start = Start.AddMinutes(minute);
        var signals = new List<Signal>();
        for (var m = 0; m < machines; m++)
        {
            foreach (var (kind, value) in new[]
            {
                (SignalKind.Energy, 0.284517), (SignalKind.PowerAvg, 17.0710), (SignalKind.PowerPeak, 21.4433),
                (SignalKind.RunningSeconds, 48.0), (SignalKind.IdleSeconds, 12.0), (SignalKind.OffSeconds, 0.0),
            })
            {
                signals.Add(new Signal
                {
                    Start = start,
                    End = start.AddMinutes(1),
                    Source = $"machine-{m + 1}",
                    Kind = kind,
                    Value = value + (minute % 7 * 0.001),
                    Unit = SignalVocabulary.UnitOf(kind),
                    Quality = SignalQuality.Simulated,
                });
            }
        }

        return new SignalBatch
        {
            Version = 1,
            Enterprise = Enterprise,
            Device = device,
            Sequence = 1,
            SentAt = start.AddMinutes(1),
            Signals = signals,
        };
    }
}
