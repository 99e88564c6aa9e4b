using EdgeCredit.Collector.Broker;
using EdgeCredit.Collector.Hosting;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Devices;

internal sealed class RegistryOptionsValidator(IConfiguration configuration) : IValidateOptions<RegistryOptions>
{
    private const int MaxDevices = 100_000;
    private const string IdentifierRule = "an identifier ^[a-z0-9][a-z0-9._-]{0,63}$ (lower-case letters, digits, '.', '_', '-')";

    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var section = RegistryOptions.SectionName;
        problems.Range($"{section}:Devices (count)", options.Devices.Count, 0, MaxDevices);

        // Device secrets are checked by the embedded broker only; an external broker holds its own credentials.
        // The raw setting is read (not IOptions<BrokerOptions>) so a bad Broker section is reported once, by its own validator.
        var mode = configuration[$"{BrokerOptions.SectionName}:{nameof(BrokerOptions.Mode)}"];
        var secretRequired = !string.Equals(mode, nameof(BrokerMode.External), StringComparison.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Devices.Count; i++)
        {
            var device = options.Devices[i];
            var key = $"{section}:Devices:{i}";
            if (!ProtocolLimits.IsIdentifier(device.Id))
            {
                problems.Add($"{key}:Id", device.Id, $"a device id must be {IdentifierRule}");
            }
            else if (!seen.Add(device.Id!))
            {
                problems.Add($"{key}:Id", device.Id, "each device id may appear only once in Registry:Devices");
            }

            if (!ProtocolLimits.IsIdentifier(device.Enterprise))
            {
                problems.Add($"{key}:Enterprise", device.Enterprise, $"an enterprise id must be {IdentifierRule}");
            }

            if ((secretRequired || !string.IsNullOrEmpty(device.SecretHash)) && !SecretHash.TryParse(device.SecretHash, out _))
            {
                problems.Add(
                    $"{key}:SecretHash",
                    device.SecretHash,
                    $"expected {SecretHash.Format}; make one with `dotnet EdgeCredit.Collector.dll hash-secret <secret>` (the secret itself from `new-secret`)");
            }
        }

        var enterprises = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Enterprises.Count; i++)
        {
            var enterprise = options.Enterprises[i];
            var key = $"{section}:Enterprises:{i}";
            if (!ProtocolLimits.IsIdentifier(enterprise.Id))
            {
                problems.Add($"{key}:Id", enterprise.Id, $"an enterprise id must be {IdentifierRule}");
            }
            else if (!enterprises.Add(enterprise.Id!))
            {
                problems.Add($"{key}:Id", enterprise.Id, "each enterprise id may appear only once in Registry:Enterprises");
            }

            if (enterprise.Name is { Length: > 200 })
            {
                problems.Add($"{key}:Name", enterprise.Name[..40] + "…", "a name of at most 200 characters");
            }
        }

        return problems.ToResult();
    }
}
