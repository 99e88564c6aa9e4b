using System.Text;
using EdgeCredit.Protocol;

namespace EdgeCredit.Testing.Infrastructure;

/// <summary>Signal batches a test sends itself, playing a device, with the current time.</summary>
internal static class TestBatches
{
    public static SignalBatch Valid(DeviceSpec device, long sequence, int signals = 3, DateTimeOffset? now = null)
    {
        var end = now ?? DateTimeOffset.UtcNow;
        end = new DateTimeOffset(end.Ticks - (end.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var start = end.AddSeconds(-10);
        return new SignalBatch
        {
            Version = 1,
            Enterprise = device.Enterprise,
            Device = device.Device,
            Sequence = sequence,
            SentAt = DateTimeOffset.UtcNow,
            Signals = Enumerable.Range(0, signals).Select(i => new Signal
            {
                Start = start,
                End = end,
                Source = $"machine-{i}",
                Kind = SignalKind.Energy,
                Value = 0.01 * (i + 1),
                Unit = "kWh",
                Quality = SignalQuality.Good,
            }).ToList(),
        };
    }

    public static string Json(SignalBatch batch) => Encoding.UTF8.GetString(ProtocolJson.Serialize(batch));

    /// <summary>Bad payloads, each with the reason the collector must give. Sequences are taken from <paramref name="nextSequence"/>.</summary>
    public static IReadOnlyList<(string Name, string Json, RejectReason Reason)> Bad(DeviceSpec device, DeviceSpec other, Func<long> nextSequence)
    {
        string Good() => Json(Valid(device, nextSequence()));
        var future = Valid(device, nextSequence(), now: DateTimeOffset.UtcNow.AddDays(2)) with { SentAt = DateTimeOffset.UtcNow.AddDays(2) };
        return
        [
            ("not json", "this is not json {", RejectReason.NotJson),
            ("wrong schema version", Good().Replace("\"version\":1", "\"version\":7", StringComparison.Ordinal), RejectReason.UnsupportedVersion),
            ("missing fields", Good().Replace("\"enterprise\":\"" + device.Enterprise + "\",", string.Empty, StringComparison.Ordinal), RejectReason.SchemaViolation),
            ("NaN value", Good().Replace("\"value\":0.01", "\"value\":NaN", StringComparison.Ordinal), RejectReason.NonFiniteValue),
            ("Infinity value", Good().Replace("\"value\":0.01", "\"value\":Infinity", StringComparison.Ordinal), RejectReason.NonFiniteValue),
            ("negative energy", Good().Replace("\"value\":0.01", "\"value\":-5", StringComparison.Ordinal), RejectReason.ValueOutOfRange),
            ("timestamps far in the future", Json(future), RejectReason.ClockSkew),
            ("payload names another device", Json(Valid(other, nextSequence())), RejectReason.TopicMismatch),
        ];
    }
}
