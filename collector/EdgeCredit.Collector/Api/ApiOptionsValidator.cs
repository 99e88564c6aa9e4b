using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using EdgeCredit.Collector.Tenancy;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Api;

internal sealed class ApiOptionsValidator(IOptions<TenancyOptions> tenancy) : IValidateOptions<ApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        problems.Range($"{ApiOptions.SectionName}:Keys (count)", options.Keys.Count, 0, 1000);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lenders = tenancy.Value.Lenders.Select(l => l.Id).Where(id => id is not null).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var at = $"{ApiOptions.SectionName}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name) || key.Name.Length > 100)
            {
                problems.Add($"{at}:Name", key.Name, "a name of 1 to 100 characters for the key's holder");
            }
            else if (!names.Add(key.Name))
            {
                problems.Add($"{at}:Name", key.Name, "each key name may appear only once in Api:Keys");
            }

            if (!string.IsNullOrWhiteSpace(key.Lender) && !lenders.Contains(key.Lender))
            {
                problems.Add($"{at}:Lender", key.Lender, "the id of a lender listed in Tenancy:Lenders, or leave it unset for a platform operator key");
            }

            if (!SecretHash.TryParse(key.KeyHash, out _))
            {
                problems.Add($"{at}:KeyHash", key.KeyHash, $"expected {SecretHash.Format}; make one with `dotnet EdgeCredit.Collector.dll hash-secret <key>` (the key itself from `new-secret`)");
            }
        }

        return problems.ToResult();
    }
}
