namespace EdgeCredit.Agent.Hosting;

/// <summary>Process-wide counters of the pipeline, shared by the stages and reported in the status message and the log.</summary>
internal sealed class AgentCounters
{
    private long _outboxDepth;
    private long _lastSequence;
    private long _sent;
    private long _acknowledged;
    private long _awaitingReceipt;
    private long _refused;
    private long _retried;
    private long _dropped;
    private long _reconnects;
    private long _rejected;
    private long _quarantined;

    /// <summary>Batches waiting in the outbox.</summary>
    public long OutboxDepth { get => Interlocked.Read(ref _outboxDepth); set => Interlocked.Exchange(ref _outboxDepth, value); }

    /// <summary>Highest sequence number written to the outbox.</summary>
    public long LastSequence { get => Interlocked.Read(ref _lastSequence); set => Interlocked.Exchange(ref _lastSequence, value); }

    /// <summary>
    /// Batches confirmed since start: listed as stored in a collector's receipt (or, with
    /// <c>Publishing:Confirmation=BrokerAck</c>, acknowledged by the broker).
    /// </summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Publishes the broker acknowledged (PUBACK) since start, first copies and resends.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Batches the broker acknowledged that still wait for the collector's receipt.</summary>
    public long AwaitingReceipt { get => Interlocked.Read(ref _awaitingReceipt); set => Interlocked.Exchange(ref _awaitingReceipt, value); }

    /// <summary>Batches the collector refused since start (moved to the outbox quarantine, never sent again).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Publish attempts that failed and will be retried, plus batches sent again for want of a receipt, since start.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Batches dropped by the outbox size cap over the outbox's lifetime (persisted in the outbox).</summary>
    public long Dropped { get => Interlocked.Read(ref _dropped); set => Interlocked.Exchange(ref _dropped, value); }

    /// <summary>Successful connections after the first one.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Batches the signals stage built but the protocol check refused (a bug; never sent).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Stored batches that could not be read back and were moved out of the queue.</summary>
    public long Quarantined => Interlocked.Read(ref _quarantined);

    public void AddSent() => Interlocked.Increment(ref _sent);

    public void AddSent(long count) => Interlocked.Add(ref _sent, count);

    public void AddAcknowledged() => Interlocked.Increment(ref _acknowledged);

    public void AddRefused() => Interlocked.Increment(ref _refused);

    public void AddRetried() => Interlocked.Increment(ref _retried);

    public void AddReconnect() => Interlocked.Increment(ref _reconnects);

    public void AddRejected() => Interlocked.Increment(ref _rejected);

    public void AddQuarantined() => Interlocked.Increment(ref _quarantined);
}
