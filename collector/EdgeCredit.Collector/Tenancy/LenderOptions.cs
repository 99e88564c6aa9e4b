namespace EdgeCredit.Collector.Tenancy;

/// <summary>One lender: <c>Tenancy:Lenders:N</c>.</summary>
internal sealed class LenderOptions
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}
