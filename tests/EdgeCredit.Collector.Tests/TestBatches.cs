using System.Buffers;
using System.Text;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Tests;

/// <summary>Builds wire-protocol payloads with known content.</summary>
internal static class TestBatches
{
    public const string Enterprise = "acme-metal";
    public const string Device = "gw-01";
    public const string OtherDevice = "gw-02";

    public static SignalBatch Batch(long sequence, DateTimeOffset sentAt, string device = Device, string enterprise = Enterprise, int signals = 2, DateTimeOffset? windowEnd = null)
    {
        var end = windowEnd ?? sentAt.AddSeconds(-30);
        var list = new List<Signal>();
        for (var i = 0; i < signals; i++)
        {
            list.Add(new Signal
            {
                Start = end.AddMinutes(-1),
                End = end,
                Source = $"press-{i}",
                Kind = i % 2 == 0 ? SignalKind.Energy : SignalKind.RunningSeconds,
                Value = i % 2 == 0 ? 0.25 + i : 42,
                Unit = i % 2 == 0 ? "kWh" : "s",
                Quality = SignalQuality.Good,
            });
        }

        return new SignalBatch { Version = 1, Enterprise = enterprise, Device = device, Sequence = sequence, SentAt = sentAt, Signals = list };
    }

    public static byte[] Payload(long sequence, DateTimeOffset sentAt, string device = Device, string enterprise = Enterprise, int signals = 2) =>
        ProtocolJson.Serialize(Batch(sequence, sentAt, device, enterprise, signals));

    public static string SignalsTopic(string device = Device, string enterprise = Enterprise) => Topics.SignalsOf(enterprise, device);

    public static IncomingMessage Message(byte[] payload, string? topic = null, string? authenticatedAs = null) =>
        new(topic ?? SignalsTopic(), new ReadOnlySequence<byte>(payload), "test-client", authenticatedAs);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
