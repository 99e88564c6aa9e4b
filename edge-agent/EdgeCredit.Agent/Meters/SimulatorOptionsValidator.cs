using EdgeCredit.Agent.Hosting;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters;

internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    private const string Prefix = SimulatorOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Machines.Count; i++)
        {
            var machine = options.Machines[i];
            var key = $"{Prefix}Machines:{i}:";
            if (problems.SourceName(key + nameof(MachineOptions.Name), machine.Name) && !names.Add(machine.Name!))
            {
                problems.Add(key + nameof(MachineOptions.Name), machine.Name, "already used by another machine; names must be unique");
            }

            problems.Range(key + nameof(MachineOptions.RatedKw), machine.RatedKw, 0.1, 10_000);
            problems.Range(key + nameof(MachineOptions.IdleKw), machine.IdleKw, 0, Math.Max(0, machine.RatedKw));
            problems.Range(key + nameof(MachineOptions.NoiseFraction), machine.NoiseFraction, 0, 0.5);
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(machine.TimeZone ?? string.Empty, out _))
            {
                problems.Add(key + nameof(MachineOptions.TimeZone), machine.TimeZone, "not a known IANA time zone id (for example Asia/Shanghai, Europe/Berlin, UTC)");
            }

            if (machine.WorkDays is { } days && days.Any(d => !Enum.IsDefined(d)))
            {
                problems.Add(key + nameof(MachineOptions.WorkDays), string.Join(",", days), "must list days of the week (Monday..Sunday)");
            }

            if (!Enum.IsDefined(machine.Profile))
            {
                problems.Add(key + nameof(MachineOptions.Profile), machine.Profile, "allowed Normal or Stopped");
            }
        }

        return problems.ToResult();
    }
}
