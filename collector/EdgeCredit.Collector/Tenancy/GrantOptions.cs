namespace EdgeCredit.Collector.Tenancy;

/// <summary>
/// One grant: <c>Tenancy:Grants:N</c>. The lender may read the enterprise from <see cref="ValidFrom"/> (inclusive) until
/// <see cref="ValidTo"/> (exclusive; not set = open-ended), typically the life of a loan.
/// </summary>
internal sealed class GrantOptions
{
    public string? Lender { get; set; }

    public string? Enterprise { get; set; }

    public DateTimeOffset? ValidFrom { get; set; }

    public DateTimeOffset? ValidTo { get; set; }
}
