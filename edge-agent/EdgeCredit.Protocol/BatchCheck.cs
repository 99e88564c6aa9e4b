namespace EdgeCredit.Protocol;

/// <summary>
/// The outcome of parsing or checking a batch: either a batch, or a reason with a human-readable detail.
/// <see cref="Parsed"/> is the deserialized batch whenever the JSON had the v1 shape, also when a rule then
/// refused it, so a receiver can still tell which device and sequence were refused.
/// </summary>
public readonly record struct BatchCheck(SignalBatch? Batch, RejectReason? Reason, string? Detail)
{
    public bool IsValid => Reason is null;

    public SignalBatch? Parsed { get; init; }

    public static BatchCheck Ok(SignalBatch batch) => new(batch, null, null) { Parsed = batch };

    public static BatchCheck Reject(RejectReason reason, string detail) => new(null, reason, detail);
}
