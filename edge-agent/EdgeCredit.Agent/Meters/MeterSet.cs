namespace EdgeCredit.Agent.Meters;

/// <summary>
/// Every configured meter of every family, in configuration order (families in registration order). Source names
/// must be unique across families: two meters reporting under one name would add up in the collector.
/// </summary>
internal sealed class MeterSet
{
    public MeterSet(IEnumerable<IMeterProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var all = new List<IMeterSource>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var provider in providers)
        {
            foreach (var meter in provider.Meters)
            {
                if (owners.TryGetValue(meter.Name, out var other))
                {
                    problems.Add($"Meter name '{meter.Name}' is used in section {other} and in section {provider.SectionName}: source names must be unique across all meters. Rename one of them.");
                    continue;
                }

                owners.Add(meter.Name, provider.SectionName);
                all.Add(meter);
            }
        }

        if (problems.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException("Meters", typeof(MeterSet), problems);
        }

        Sources = all;
    }

    public IReadOnlyList<IMeterSource> Sources { get; }

    public IEnumerable<IPolledMeter> Polled => Sources.OfType<IPolledMeter>();
}
