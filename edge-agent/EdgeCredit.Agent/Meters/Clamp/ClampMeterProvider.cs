using System.Device.I2c;
using EdgeCredit.Agent.Meters.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>The current clamps of section <c>Clamp</c>. Owns the meters and, through them, their I2C devices.</summary>
internal sealed class ClampMeterProvider : IMeterProvider, IDisposable
{
    private readonly List<ClampMeter> _meters = [];

    public ClampMeterProvider(IOptions<ClampOptions> options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger<ClampMeter>();
        for (var i = 0; i < options.Value.Meters.Count; i++)
        {
            var meter = options.Value.Meters[i];
            _meters.Add(new ClampMeter(new ClampMeterSettings(meter, i), () => CreateDevice(meter, time), time, logger));
        }
    }

    public string SectionName => ClampOptions.SectionName;

    public IReadOnlyList<IMeterSource> Meters => _meters;

    /// <summary>The simulated clamp's signal: constant amps, or the current implied by a simulated machine's power.</summary>
    public static ClampSignal SimulatedSignal(ClampMeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var simulation = options.Simulation;
        Func<DateTimeOffset, double> amps;
        if (simulation.Machine is { } machine)
        {
            amps = AmpsOf(new SimulatedMachine(SimulatedPulses.WithName(machine, options.Name)), new ClampMeterSettings(options, 0));
        }
        else
        {
            var constant = simulation.Amps;
            amps = _ => constant;
        }

        return new ClampSignal(amps, options.AmpsPerVolt, simulation.FrequencyHz, simulation.OffsetVolts, options.Channel);
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }

    private static Func<DateTimeOffset, double> AmpsOf(SimulatedMachine machine, ClampMeterSettings settings)
    {
        var kwPerAmp = settings.Kilowatts(1);
        return at => machine.ReadAt(at).Kilowatts / kwPerAmp;
    }

    private static I2cDevice CreateDevice(ClampMeterOptions options, TimeProvider time)
    {
        var connection = new I2cConnectionSettings(options.Bus, options.Address);
        return options.Driver == ClampDriverKind.Simulated
            ? new SimulatedAds1115Device(connection, SimulatedSignal(options), time)
            : I2cDevice.Create(connection);
    }
}
