using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Demo;

internal sealed class DemoHistoryOptionsValidator(IOptions<RegistryOptions> registry) : IValidateOptions<DemoHistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, DemoHistoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        problems.Range($"{DemoHistoryOptions.SectionName}:Days", options.Days, 7, 366);
        for (var i = 0; i < options.History.Count; i++)
        {
            var entry = options.History[i];
            var key = $"{DemoHistoryOptions.SectionName}:History:{i}";
            if (!registry.Value.Devices.Any(d => d.Id == entry.Device && d.Enterprise == entry.Enterprise))
            {
                problems.Add($"{key}:Device", entry.Device, $"a device registered for enterprise '{entry.Enterprise}' in Registry:Devices");
            }

            if (!DemoHistorySeeder.Plans.Contains(entry.Plan))
            {
                problems.Add($"{key}:Plan", entry.Plan, "one of " + string.Join(", ", DemoHistorySeeder.Plans));
            }
        }

        return problems.ToResult();
    }
}
