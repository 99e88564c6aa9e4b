namespace EdgeCredit.Collector.Devices;

/// <summary>One enterprise: <c>Registry:Enterprises:N</c>.</summary>
internal sealed class EnterpriseOptions
{
    public string? Id { get; set; }

    public string? Name { get; set; }
}
