namespace EdgeCredit.Protocol;

/// <summary>The payload of <c>edgecredit/v1/{enterprise}/{device}/signals</c>.</summary>
public sealed record SignalBatch
{
    public const int CurrentVersion = 1;

    /// <summary>Protocol version; 1 for this contract.</summary>
    public required int Version { get; init; }

    public required string Enterprise { get; init; }

    public required string Device { get; init; }

    /// <summary>Per-device sequence number: strictly increasing, persisted on the device, never reused.</summary>
    public required long Sequence { get; init; }

    /// <summary>When this copy was handed to MQTT (a resend carries a later time than the first send).</summary>
    public required DateTimeOffset SentAt { get; init; }

    public required IReadOnlyList<Signal> Signals { get; init; }

    /// <summary>Events of the window (camera conditions, state changes); absent when there are none.</summary>
    public IReadOnlyList<DeviceEvent>? Events { get; init; }
}
