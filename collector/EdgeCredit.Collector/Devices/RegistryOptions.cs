namespace EdgeCredit.Collector.Devices;

/// <summary>The devices allowed to send, and the enterprises they belong to (section <c>Registry</c>).</summary>
internal sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    public IList<DeviceOptions> Devices { get; } = new List<DeviceOptions>();

    /// <summary>Optional display names; an enterprise named only by its devices gets its id as name.</summary>
    public IList<EnterpriseOptions> Enterprises { get; } = new List<EnterpriseOptions>();
}
