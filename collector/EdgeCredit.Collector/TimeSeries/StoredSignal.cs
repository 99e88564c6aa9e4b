namespace EdgeCredit.Collector.TimeSeries;

/// <summary>One row of the <c>signals</c> table with its rowid, as the sink reads it.</summary>
internal sealed record StoredSignal(
    long RowId,
    string Enterprise,
    string Device,
    long StartMs,
    string Source,
    string Kind,
    double Value,
    string Unit,
    string Quality);
