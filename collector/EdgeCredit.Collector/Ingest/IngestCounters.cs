using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// Counters of committed outcomes and of receipts. Duplicates are identical resends (not quarantined); a
/// different batch under a stored sequence counts only as quarantined duplicate_sequence.
/// </summary>
internal sealed class IngestCounters(IngestQueue queue, ReceiptQueue receipts)
{
    private static readonly RejectReason[] Reasons = Enum.GetValues<RejectReason>();
    private readonly long[] _quarantined = new long[Reasons.Length];
    private long _acceptedBatches;
    private long _acceptedSignals;
    private long _duplicates;
    private long _deviceUpdates;
    private long _transactions;
    private long _writeFailures;
    private long _receiptsSent;
    private long _receiptsDropped;

    public void Committed(IngestOutcome outcome, int signals)
    {
        switch (outcome.Result)
        {
            case IngestResult.Stored:
                Interlocked.Increment(ref _acceptedBatches);
                Interlocked.Add(ref _acceptedSignals, signals);
                break;
            case IngestResult.AlreadyStored:
                Interlocked.Increment(ref _duplicates);
                break;
            case IngestResult.DeviceUpdated:
                Interlocked.Increment(ref _deviceUpdates);
                break;
            case IngestResult.Quarantined when outcome.Reason is { } reason:
                Interlocked.Increment(ref _quarantined[(int)reason]);
                break;
            default:
                break;
        }
    }

    public void TransactionCommitted() => Interlocked.Increment(ref _transactions);

    public void WriteFailed() => Interlocked.Increment(ref _writeFailures);

    /// <summary>A receipt was handed to the broker.</summary>
    public void ReceiptSent() => Interlocked.Increment(ref _receiptsSent);

    /// <summary>A receipt was dropped (queue full, broker disconnected or refusing); the agent will resend.</summary>
    public void ReceiptDropped() => Interlocked.Increment(ref _receiptsDropped);

    public IngestStats Snapshot()
    {
        var perReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var reason in Reasons)
        {
            var count = Interlocked.Read(ref _quarantined[(int)reason]);
            perReason[ProtocolJson.EnumWireName(reason)] = count;
            total += count;
        }

        return new IngestStats(
            Interlocked.Read(ref _acceptedBatches),
            Interlocked.Read(ref _acceptedSignals),
            Interlocked.Read(ref _duplicates),
            total,
            perReason,
            Interlocked.Read(ref _deviceUpdates),
            Interlocked.Read(ref _transactions),
            Interlocked.Read(ref _writeFailures),
            queue.Depth,
            queue.Capacity,
            Interlocked.Read(ref _receiptsSent),
            Interlocked.Read(ref _receiptsDropped),
            receipts.Depth);
    }
}
