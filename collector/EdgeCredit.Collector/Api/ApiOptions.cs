namespace EdgeCredit.Collector.Api;

/// <summary>REST API access (section <c>Api</c>).</summary>
internal sealed class ApiOptions
{
    public const string SectionName = "Api";

    public IList<ApiKeyOptions> Keys { get; } = new List<ApiKeyOptions>();
}
