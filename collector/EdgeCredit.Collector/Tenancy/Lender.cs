namespace EdgeCredit.Collector.Tenancy;

/// <summary>A configured lender.</summary>
internal sealed record Lender(string Id, string Name);
