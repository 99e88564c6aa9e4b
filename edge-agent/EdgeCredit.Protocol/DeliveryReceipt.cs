namespace EdgeCredit.Protocol;

/// <summary>
/// The payload of <c>edgecredit/v1/{enterprise}/{device}/receipts</c>, sent by the collector after a durable
/// commit. The agent keeps each batch in its outbox until a receipt names it: a broker's PUBACK only says the
/// broker has it, not that a collector stored it.
/// </summary>
public sealed record DeliveryReceipt
{
    public required int Version { get; init; }

    /// <summary>Sequences durably stored (including identical copies of batches stored before).</summary>
    public required IReadOnlyList<long> Stored { get; init; }

    /// <summary>Sequences refused and quarantined by the collector; the agent must not send them again.</summary>
    public required IReadOnlyList<RefusedBatch> Refused { get; init; }
}

/// <summary>One refused batch and why.</summary>
public sealed record RefusedBatch
{
    public required long Sequence { get; init; }

    public required RejectReason Reason { get; init; }

    public required string Detail { get; init; }
}
