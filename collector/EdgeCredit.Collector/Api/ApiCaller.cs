namespace EdgeCredit.Collector.Api;

/// <summary>
/// Who is calling, from the API key presented: a lender (sees only its granted enterprises, only while the grant is
/// valid) or, for a key without a lender, the platform operator (sees everything, including quarantine and ingest stats).
/// </summary>
internal sealed record ApiCaller(string KeyName, string? Lender)
{
    public bool IsOperator => Lender is null;

    /// <summary>The caller the <see cref="ApiKeyFilter"/> put on the request.</summary>
    public static ApiCaller From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<ApiCaller>() ?? throw new InvalidOperationException("No API caller on this request: the endpoint is outside the /api/v1 group and its key filter.");
    }
}
