using EdgeCredit.Agent.Meters.Clamp;
using EdgeCredit.Agent.Meters.Modbus;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Agent.Meters.Pulse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters;

internal static class MetersExtensions
{
    /// <summary>
    /// Registers every meter family (simulated machines from section <c>Simulator</c>, S0 pulse meters from <c>Pulse</c>,
    /// current clamps from <c>Clamp</c>, Modbus TCP meters from <c>Modbus</c>, meter displays read by camera OCR from <c>MeterOcr</c>), the combined
    /// <see cref="MeterSet"/>, the loops of polled meters and the machine-state model.
    /// </summary>
    public static IHostApplicationBuilder AddMeters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        builder.Services.AddSingleton<IMeterProvider, SimulatedMeterProvider>();
        builder.AddPulseMeters().AddClampMeters().AddModbusMeters().AddOcrMeters();
        builder.Services.TryAddSingleton<IMachineStateResolver, NoMachineStateModel>();
        builder.Services.AddSingleton(sp =>
        {
            var set = new MeterSet(sp.GetServices<IMeterProvider>());
            if (set.Sources.Count == 0)
            {
                MetersLog.NoMeters(sp.GetRequiredService<ILoggerFactory>().CreateLogger<MeterSet>());
            }

            return set;
        });
        builder.Services.AddHostedService<MeterLoopsService>();
        return builder;
    }
}
