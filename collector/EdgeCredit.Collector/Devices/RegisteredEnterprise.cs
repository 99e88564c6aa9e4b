namespace EdgeCredit.Collector.Devices;

/// <summary>An enterprise known to the collector: configured in Registry:Enterprises or named by a device.</summary>
internal sealed record RegisteredEnterprise(string Id, string Name, IReadOnlyList<string> Devices);
