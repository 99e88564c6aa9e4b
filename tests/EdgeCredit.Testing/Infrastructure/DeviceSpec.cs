namespace EdgeCredit.Testing.Infrastructure;

/// <summary>A device in the collector's registry and the agent that plays it.</summary>
internal sealed record DeviceSpec(string Enterprise, string Device, string Secret)
{
    public static DeviceSpec Create(string enterprise, string device) =>
        new(enterprise, device, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_'));
}
