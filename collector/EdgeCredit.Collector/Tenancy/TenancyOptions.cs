namespace EdgeCredit.Collector.Tenancy;

/// <summary>
/// Lenders and what each may see (section <c>Tenancy</c>). An API key with a <c>Lender</c> sees only the enterprises that
/// lender holds a valid grant for; a key without one belongs to the platform operator and sees everything.
/// </summary>
internal sealed class TenancyOptions
{
    public const string SectionName = "Tenancy";

    public IList<LenderOptions> Lenders { get; } = new List<LenderOptions>();

    public IList<GrantOptions> Grants { get; } = new List<GrantOptions>();
}
