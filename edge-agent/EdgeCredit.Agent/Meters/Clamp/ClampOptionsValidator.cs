using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Meters.Pulse;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>Checks section <c>Clamp</c>; with the configuration it also reports list items the binder skipped.</summary>
internal sealed class ClampOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<ClampOptions>
{
    private const string Prefix = ClampOptions.SectionName + ":Meters:";

    public ValidateOptionsResult Validate(string? name, ClampOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        SkippedListItems.Check<ClampMeterOptions>(problems, configuration, ClampOptions.SectionName + ":Meters", options.Meters.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new Dictionary<(ClampDriverKind, int, int, Iot.Device.Ads1115.InputMultiplexer), int>();
        for (var i = 0; i < options.Meters.Count; i++)
        {
            var meter = options.Meters[i];
            var key = $"{Prefix}{i}:";
            if (problems.SourceName(key + nameof(ClampMeterOptions.Name), meter.Name) && !names.Add(meter.Name!))
            {
                problems.Add(key + nameof(ClampMeterOptions.Name), meter.Name, "already used by another clamp meter; names must be unique");
            }

            problems.Range(key + nameof(ClampMeterOptions.Bus), meter.Bus, 0, 255);
            if (meter.Address is < 0x48 or > 0x4B)
            {
                problems.Add(key + nameof(ClampMeterOptions.Address), meter.Address, "allowed 72 to 75 (0x48 to 0x4B, set by the ADDR pin: GND, VDD, SDA, SCL)");
            }

            Enum(problems, key + nameof(ClampMeterOptions.Channel), meter.Channel, "allowed AIN0_AIN1, AIN0_AIN3, AIN1_AIN3, AIN2_AIN3 (differential) or AIN0..AIN3 (single-ended)");
            Enum(problems, key + nameof(ClampMeterOptions.MeasuringRange), meter.MeasuringRange, "allowed FS6144, FS4096, FS2048, FS1024, FS0512 or FS0256 (full scale in mV)");
            Enum(problems, key + nameof(ClampMeterOptions.DataRate), meter.DataRate, "allowed SPS008, SPS016, SPS032, SPS064, SPS128, SPS250, SPS475 or SPS860");
            Enum(problems, key + nameof(ClampMeterOptions.Driver), meter.Driver, "allowed Hardware or Simulated");
            if (meter.SampleRate != 0)
            {
                problems.Range(key + nameof(ClampMeterOptions.SampleRate), meter.SampleRate, 1, 860);
            }

            problems.Range(key + nameof(ClampMeterOptions.AmpsPerVolt), meter.AmpsPerVolt, 0.001, 10_000);
            problems.Range(key + nameof(ClampMeterOptions.Voltage), meter.Voltage, 1, 1000);
            if (meter.Phases is not (1 or 3))
            {
                problems.Add(key + nameof(ClampMeterOptions.Phases), meter.Phases, "allowed 1 or 3 (3: balanced load, Voltage is line-to-neutral, kW = 3 × V × I × PF / 1000)");
            }

            if (!(meter.PowerFactor > 0 && meter.PowerFactor <= 1))
            {
                problems.Add(key + nameof(ClampMeterOptions.PowerFactor), meter.PowerFactor, "allowed more than 0 up to 1");
            }

            problems.Range(key + nameof(ClampMeterOptions.MaxAmps), meter.MaxAmps, 0.1, 100_000);
            problems.Range(key + nameof(ClampMeterOptions.StaleAfter), meter.StaleAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
            if (inputs.TryGetValue((meter.Driver, meter.Bus, meter.Address, meter.Channel), out var other))
            {
                problems.Add(key + nameof(ClampMeterOptions.Channel), meter.Channel, $"already read by {Prefix}{other} (same bus, address and channel); each clamp needs its own input");
            }
            else
            {
                inputs.Add((meter.Driver, meter.Bus, meter.Address, meter.Channel), i);
            }

            if (meter.Driver == ClampDriverKind.Simulated)
            {
                ValidateSimulation(problems, key + nameof(ClampMeterOptions.Simulation) + ":", meter.Simulation ?? new ClampSimulationOptions());
            }
        }

        return problems.ToResult();
    }

    private static void ValidateSimulation(OptionsProblems problems, string key, ClampSimulationOptions simulation)
    {
        problems.Range(key + nameof(ClampSimulationOptions.Amps), simulation.Amps, 0, 100_000);
        problems.Range(key + nameof(ClampSimulationOptions.FrequencyHz), simulation.FrequencyHz, 1, 1000);
        problems.Range(key + nameof(ClampSimulationOptions.OffsetVolts), simulation.OffsetVolts, -6.144, 6.144);
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
