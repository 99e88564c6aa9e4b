namespace EdgeCredit.Collector.TimeSeries;

/// <summary>A batch the server refused as invalid: the rowid range, its HTTP status and the server's reason.</summary>
internal sealed record SinkReject(long FirstRowId, long LastRowId, int Points, int Status, string Reason);
