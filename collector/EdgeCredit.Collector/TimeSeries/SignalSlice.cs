namespace EdgeCredit.Collector.TimeSeries;

/// <summary>Consecutive signals read after a checkpoint: at most BatchSize rows, in rowid order.</summary>
internal sealed record SignalSlice(IReadOnlyList<StoredSignal> Signals)
{
    public long FirstRowId => Signals[0].RowId;

    public long LastRowId => Signals[^1].RowId;
}
