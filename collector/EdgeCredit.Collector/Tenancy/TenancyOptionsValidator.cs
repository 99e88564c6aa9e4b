using System.Globalization;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tenancy;

internal sealed class TenancyOptionsValidator(IOptions<RegistryOptions> registry) : IValidateOptions<TenancyOptions>
{
    private const int MaxLenders = 10_000;
    private const int MaxGrants = 1_000_000;

    public ValidateOptionsResult Validate(string? name, TenancyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var section = TenancyOptions.SectionName;
        problems.Range($"{section}:Lenders (count)", options.Lenders.Count, 0, MaxLenders);
        problems.Range($"{section}:Grants (count)", options.Grants.Count, 0, MaxGrants);
        var lenders = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Lenders.Count; i++)
        {
            var lender = options.Lenders[i];
            if (!ProtocolLimits.IsIdentifier(lender.Id))
            {
                problems.Add($"{section}:Lenders:{i}:Id", lender.Id, "a lender id ^[a-z0-9][a-z0-9._-]{0,63}$ (lower-case letters, digits, '.', '_', '-')");
            }
            else if (!lenders.Add(lender.Id!))
            {
                problems.Add($"{section}:Lenders:{i}:Id", lender.Id, "each lender id may appear only once in Tenancy:Lenders");
            }
        }

        // Enterprises are those the registry names, directly or through a device (as DeviceRegistry builds them).
        var enterprises = registry.Value.Enterprises.Select(e => e.Id).Concat(registry.Value.Devices.Select(d => d.Enterprise))
            .Where(e => e is not null).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < options.Grants.Count; i++)
        {
            var grant = options.Grants[i];
            var key = $"{section}:Grants:{i}";
            if (grant.Lender is null || !lenders.Contains(grant.Lender))
            {
                problems.Add($"{key}:Lender", grant.Lender, "the id of a lender listed in Tenancy:Lenders");
            }

            if (grant.Enterprise is null || !enterprises.Contains(grant.Enterprise))
            {
                problems.Add($"{key}:Enterprise", grant.Enterprise, "the id of an enterprise in Registry:Enterprises or of a registered device's enterprise");
            }

            if (grant.ValidFrom is { } from && grant.ValidTo is { } to && to <= from)
            {
                problems.Add($"{key}:ValidTo", to.ToString("O", CultureInfo.InvariantCulture), $"a time after ValidFrom ({from:O}); leave it unset for an open-ended grant");
            }
        }

        return problems.ToResult();
    }
}
