namespace EdgeCredit.Protocol;

/// <summary>One measurement over a time window [Start, End) from one source on the device.</summary>
public sealed record Signal
{
    /// <summary>Window start, UTC, inclusive.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Window end, UTC, exclusive.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>The machine, meter or camera region that produced the value, for example <c>press-1</c>.</summary>
    public required string Source { get; init; }

    public required SignalKind Kind { get; init; }

    public required double Value { get; init; }

    /// <summary>Unit, always the one <see cref="SignalVocabulary"/> gives for <see cref="Kind"/>.</summary>
    public required string Unit { get; init; }

    public required SignalQuality Quality { get; init; }
}
