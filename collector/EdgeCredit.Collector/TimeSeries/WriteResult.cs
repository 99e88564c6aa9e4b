namespace EdgeCredit.Collector.TimeSeries;

/// <summary>What became of one write request. <see cref="HttpStatus"/> is 0 when no response arrived.</summary>
internal sealed record WriteResult(WriteStatus Status, int HttpStatus, string Reason, TimeSpan? RetryAfter)
{
    public static readonly WriteResult Succeeded = new(WriteStatus.Succeeded, 204, string.Empty, null);
}
