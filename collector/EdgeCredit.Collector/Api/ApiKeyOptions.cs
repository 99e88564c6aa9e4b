namespace EdgeCredit.Collector.Api;

/// <summary>One API key: <c>Api:Keys:N</c>. Only the salted hash is configured, made by <c>hash-secret</c>.</summary>
internal sealed class ApiKeyOptions
{
    public string? Name { get; set; }

    public string? KeyHash { get; set; }

    /// <summary>The lender (<c>Tenancy:Lenders:N:Id</c>) this key belongs to; not set: the platform operator's key.</summary>
    public string? Lender { get; set; }
}
