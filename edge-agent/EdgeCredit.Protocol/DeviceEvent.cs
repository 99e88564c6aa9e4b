namespace EdgeCredit.Protocol;

/// <summary>
/// Something that happened at an instant on the device: a camera condition began or ended, a region changed state.
/// Carried in <see cref="SignalBatch.Events"/>, so events travel with the signals through the outbox, exactly once.
/// </summary>
public sealed record DeviceEvent
{
    /// <summary>When it happened (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The camera or region it concerns (a source name).</summary>
    public required string Source { get; init; }

    public required EventType Type { get; init; }

    /// <summary>For condition events: which condition.</summary>
    public EventCondition? Condition { get; init; }

    /// <summary>For state changes: the new state (lower-case word, for example <c>running</c>, <c>idle</c>).</summary>
    public string? State { get; init; }

    /// <summary>How sure the detector is, 0..1 (condition events).</summary>
    public double? Confidence { get; init; }

    /// <summary>When the condition began (on <c>condition_ended</c>: so the whole span is known).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>A short human explanation (at most 200 characters), for example the measured value and the threshold.</summary>
    public string? Detail { get; init; }
}
