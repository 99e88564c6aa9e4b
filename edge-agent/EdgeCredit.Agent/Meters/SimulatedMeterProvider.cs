using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters;

/// <summary>The simulated machines of section <c>Simulator</c> (demos and tests without any meter hardware).</summary>
internal sealed class SimulatedMeterProvider : IMeterProvider
{
    public SimulatedMeterProvider(IOptions<SimulatorOptions> options, ILogger<SimulatedMeterProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var m in options.Value.Machines)
        {
            MetersLog.SimulatedMeter(logger, m.Name, m.RatedKw, m.IdleKw, m.ShiftStart, m.ShiftEnd, m.TimeZone, m.Profile);
        }

        Meters = [.. options.Value.Machines.Select(m => new SimulatedMachine(m))];
    }

    public string SectionName => SimulatorOptions.SectionName;

    public IReadOnlyList<IMeterSource> Meters { get; }
}
