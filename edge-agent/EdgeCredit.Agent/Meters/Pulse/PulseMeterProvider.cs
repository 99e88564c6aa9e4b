using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Meters.Simulation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>
/// The S0 pulse meters of section <c>Pulse</c>. Counter files live in <c>{Agent:DataDirectory}/pulse/{name}.counter</c>
/// (relative to the content root). Owns the meters and, through them, their GPIO controllers and drivers.
/// </summary>
internal sealed class PulseMeterProvider : IMeterProvider, IDisposable
{
    private readonly List<PulseMeter> _meters = [];

    public PulseMeterProvider(IOptions<PulseOptions> options, IOptions<AgentOptions> agent, IHostEnvironment environment, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var directory = CounterDirectory(environment.ContentRootPath, agent.Value.DataDirectory);
        var logger = loggerFactory.CreateLogger<PulseMeter>();
        for (var i = 0; i < options.Value.Meters.Count; i++)
        {
            var meter = options.Value.Meters[i];
            var settings = new PulseMeterSettings(meter, i, Path.Combine(directory, meter.Name + ".counter"));
            _meters.Add(new PulseMeter(settings, () => CreateDriver(meter), time, logger));
        }
    }

    public string SectionName => PulseOptions.SectionName;

    public IReadOnlyList<IMeterSource> Meters => _meters;

    /// <summary><c>{contentRoot}/{dataDirectory}/pulse</c>.</summary>
    public static string CounterDirectory(string contentRoot, string dataDirectory) => Path.Combine(contentRoot, dataDirectory, "pulse");

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }

    private static GpioDriver CreateDriver(PulseMeterOptions options) => options.Driver switch
    {
        GpioDriverKind.Libgpiod => new LibGpiodDriver(options.Chip),
        GpioDriverKind.Sysfs => new SysFsDriver(SysFsDriver.GetAvailableChips().FirstOrDefault(c => c.Id == options.Chip)
            ?? throw new IOException($"sysfs lists no GPIO chip {options.Chip}")),
        GpioDriverKind.Simulated => new SimulatedGpioDriver(),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Driver, "Unknown GPIO driver."),
    };
}
