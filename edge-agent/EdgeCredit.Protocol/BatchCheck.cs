namespace EdgeCredit.Protocol;

/// <summary>The outcome of parsing or checking a batch: either a batch, or a reason with a human-readable detail.</summary>
public readonly record struct BatchCheck(SignalBatch? Batch, RejectReason? Reason, string? Detail)
{
    public bool IsValid => Reason is null;

    public static BatchCheck Ok(SignalBatch batch) => new(batch, null, null);

    public static BatchCheck Reject(RejectReason reason, string detail) => new(null, reason, detail);
}
