using EdgeCredit.Agent.Hosting;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>Checks section <c>Pulse</c>; with the configuration it also reports list items the binder skipped.</summary>
internal sealed class PulseOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<PulseOptions>
{
    private const string Prefix = PulseOptions.SectionName + ":Meters:";

    public ValidateOptionsResult Validate(string? name, PulseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        SkippedListItems.Check<PulseMeterOptions>(problems, configuration, PulseOptions.SectionName + ":Meters", options.Meters.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pins = new Dictionary<(GpioDriverKind, int, int), int>();
        for (var i = 0; i < options.Meters.Count; i++)
        {
            var meter = options.Meters[i];
            var key = $"{Prefix}{i}:";
            if (problems.SourceName(key + nameof(PulseMeterOptions.Name), meter.Name) && !names.Add(meter.Name!))
            {
                problems.Add(key + nameof(PulseMeterOptions.Name), meter.Name, "already used by another pulse meter; names must be unique");
            }

            if (meter.Pin < 0 || meter.Pin > 1023)
            {
                problems.Add(key + nameof(PulseMeterOptions.Pin), meter.Pin, "allowed 0 to 1023: the GPIO line offset on the chip (see `gpioinfo`), not the header pin number");
            }
            else if (pins.TryGetValue((meter.Driver, meter.Chip, meter.Pin), out var other))
            {
                problems.Add(key + nameof(PulseMeterOptions.Pin), meter.Pin, $"already used by {Prefix}{other} on chip {meter.Chip}; each meter needs its own input");
            }
            else
            {
                pins.Add((meter.Driver, meter.Chip, meter.Pin), i);
            }

            if (!(meter.PulsesPerKwh > 0 && meter.PulsesPerKwh <= 100_000))
            {
                problems.Add(key + nameof(PulseMeterOptions.PulsesPerKwh), meter.PulsesPerKwh, "allowed more than 0 up to 100000: the impulse constant printed on the meter (imp/kWh)");
            }

            problems.Range(key + nameof(PulseMeterOptions.MinPulseWidth), meter.MinPulseWidth, TimeSpan.FromMilliseconds(0.1), TimeSpan.FromMilliseconds(100));
            Enum(problems, key + nameof(PulseMeterOptions.PullMode), meter.PullMode, "allowed None, PullUp or PullDown");
            Enum(problems, key + nameof(PulseMeterOptions.ActiveLevel), meter.ActiveLevel, "allowed High or Low");
            Enum(problems, key + nameof(PulseMeterOptions.Driver), meter.Driver, "allowed Libgpiod, Sysfs or Simulated");
            problems.Range(key + nameof(PulseMeterOptions.Chip), meter.Chip, 0, 63);
            if (!(meter.InitialKwh >= 0 && meter.InitialKwh < 1e12))
            {
                problems.Add(key + nameof(PulseMeterOptions.InitialKwh), meter.InitialKwh, "allowed 0 to 1e12: the meter's register (kWh) when counting began");
            }

            problems.Range(key + nameof(PulseMeterOptions.FlushInterval), meter.FlushInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
            problems.Range(key + nameof(PulseMeterOptions.ZeroPowerAfter), meter.ZeroPowerAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
            if (meter.Driver == GpioDriverKind.Simulated)
            {
                ValidateSimulation(problems, key + nameof(PulseMeterOptions.Simulation) + ":", meter);
            }
        }

        return problems.ToResult();
    }

    private static void ValidateSimulation(OptionsProblems problems, string key, PulseMeterOptions meter)
    {
        var simulation = meter.Simulation ?? new PulseSimulationOptions();
        problems.Range(key + nameof(PulseSimulationOptions.BounceSpan), simulation.BounceSpan, TimeSpan.Zero, TimeSpan.FromMilliseconds(1));
        if (simulation.BounceEdges is < 0 or > 20 || simulation.BounceEdges % 2 != 0)
        {
            problems.Add(key + nameof(PulseSimulationOptions.BounceEdges), simulation.BounceEdges, "allowed an even number 0 to 20 (bounce edges come in pairs)");
        }

        var minWidth = meter.MinPulseWidth + simulation.BounceSpan;
        if (simulation.PulseWidth < minWidth || simulation.PulseWidth > TimeSpan.FromSeconds(10))
        {
            problems.Add(key + nameof(PulseSimulationOptions.PulseWidth), simulation.PulseWidth, $"allowed {OptionsProblems.Format(minWidth)} (MinPulseWidth + BounceSpan) to 00:00:10");
        }

        if (simulation.Machine is { } machine)
        {
            problems.Range(key + "Machine:" + nameof(MachineOptions.RatedKw), machine.RatedKw, 0.1, 10_000);
            problems.Range(key + "Machine:" + nameof(MachineOptions.IdleKw), machine.IdleKw, 0, Math.Max(0, machine.RatedKw));
            problems.Range(key + "Machine:" + nameof(MachineOptions.NoiseFraction), machine.NoiseFraction, 0, 0.5);
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(machine.TimeZone ?? string.Empty, out _))
            {
                problems.Add(key + "Machine:" + nameof(MachineOptions.TimeZone), machine.TimeZone, "not a known IANA time zone id (for example Asia/Shanghai, Europe/Berlin, UTC)");
            }
        }
        else
        {
            var maxRate = 1 / (2 * simulation.PulseWidth.TotalSeconds);
            if (!(simulation.RateHz >= 0 && simulation.RateHz <= Math.Min(200, maxRate)))
            {
                problems.Add(key + nameof(PulseSimulationOptions.RateHz), simulation.RateHz, $"allowed 0 to {Math.Min(200, maxRate):0.###} (a pulse and its gap each last PulseWidth)");
            }
        }
    }

    private static void Enum<T>(OptionsProblems problems, string key, T value, string allowed)
        where T : struct, Enum
    {
        if (!System.Enum.IsDefined(value))
        {
            problems.Add(key, value, allowed);
        }
    }
}
