namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// One unit of work for the writer. <see cref="Completion"/> completes only after the transaction holding
/// it committed, which is when the message may be acknowledged to the broker.
/// </summary>
internal abstract record WriteItem
{
    public TaskCompletionSource<IngestOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
