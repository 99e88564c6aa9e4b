using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters;

internal static class MetersExtensions
{
    /// <summary>Registers the meter sources (today: the simulator, from section <c>Simulator</c>).</summary>
    public static IHostApplicationBuilder AddMeters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>());
        builder.Services.AddSingleton<IReadOnlyList<IMeterSource>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SimulatorOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<SimulatedMachine>();
            if (options.Machines.Count == 0)
            {
                MetersLog.NoMeters(logger);
            }

            foreach (var m in options.Machines)
            {
                MetersLog.SimulatedMeter(logger, m.Name, m.RatedKw, m.IdleKw, m.ShiftStart, m.ShiftEnd, m.TimeZone, m.Profile);
            }

            return [.. options.Machines.Select(m => new SimulatedMachine(m))];
        });
        return builder;
    }
}
