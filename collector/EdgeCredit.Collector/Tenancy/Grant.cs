namespace EdgeCredit.Collector.Tenancy;

/// <summary>A lender's right to read one enterprise during [<see cref="ValidFrom"/>, <see cref="ValidTo"/>).</summary>
internal sealed record Grant(string Lender, string Enterprise, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    public bool IsValidAt(DateTimeOffset at) => at >= ValidFrom && (ValidTo is not { } to || at < to);
}
