using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Meters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Hosting;

/// <summary>
/// Source names must be unique across meters, cameras and camera regions: two sources reporting under one name would
/// add up in the collector. Checked at start (exit 2) after each stage validated its own section.
/// </summary>
internal static class SourceNames
{
    public static void Check(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var meter in services.GetRequiredService<MeterSet>().Sources)
        {
            owners[meter.Name] = "a meter";
        }

        var problems = new List<string>();
        var cameras = services.GetService<IOptions<CamerasOptions>>()?.Value.Sources ?? [];
        for (var i = 0; i < cameras.Count; i++)
        {
            Claim(owners, problems, cameras[i].Name, $"{CamerasOptions.SectionName}:Sources:{i}:Name");
            for (var r = 0; r < cameras[i].Regions.Count; r++)
            {
                Claim(owners, problems, cameras[i].Regions[r].Name, $"{CamerasOptions.SectionName}:Sources:{i}:Regions:{r}:Name");
            }
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(CamerasOptions.SectionName, typeof(CamerasOptions), problems);
        }
    }

    private static void Claim(Dictionary<string, string> owners, List<string> problems, string name, string key)
    {
        if (owners.TryGetValue(name, out var owner))
        {
            problems.Add($"{key} = '{name}' is invalid: the name is already used by {owner}; source names must be unique across meters, cameras and regions. Rename one of them.");
            return;
        }

        owners[name] = key;
    }
}
