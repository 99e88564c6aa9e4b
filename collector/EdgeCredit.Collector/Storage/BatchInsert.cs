namespace EdgeCredit.Collector.Storage;

/// <summary>What <see cref="SignalWriteSession.InsertBatch"/> did with a batch.</summary>
internal enum BatchInsert
{
    /// <summary>The batch and its signals were inserted.</summary>
    Inserted,

    /// <summary>(device, sequence) is already stored with the same signals: a resend, nothing written.</summary>
    Identical,

    /// <summary>(device, sequence) is already stored with different signals: nothing written.</summary>
    Conflicting,
}
