namespace EdgeCredit.Collector.Devices;

/// <summary>A device from the registry, with its parsed secret hash (null when the configuration gave none).</summary>
internal sealed record RegisteredDevice(string Id, string Enterprise, SecretHash? Secret);
