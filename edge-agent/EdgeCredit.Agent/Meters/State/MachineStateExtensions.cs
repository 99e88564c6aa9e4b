using EdgeCredit.Agent.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.State;

internal static class MachineStateExtensions
{
    /// <summary>
    /// Registers the machine-state model and the per-source trackers (section <c>MachineState</c>); calibrations are
    /// kept in <c>{Agent:DataDirectory}/calibration/</c> relative to the content root. A missing or unloadable model
    /// file stops the start with a configuration error naming <c>MachineState:ModelPath</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMachineState(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<MachineStateOptions>().BindConfiguration(MachineStateOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MachineStateOptions>, MachineStateOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MachineStateOptions>>().Value;
            var agent = sp.GetRequiredService<IOptions<AgentOptions>>().Value;
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var store = new CalibrationStore(Path.Combine(contentRoot, agent.DataDirectory, "calibration"));
            return new MachineStateTrackers(
                new MachineStateModel(options.ModelPath),
                options,
                store,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>());
        });
        builder.Services.RemoveAll<IMachineStateResolver>();
        builder.Services.AddSingleton<IMachineStateResolver>(sp => sp.GetRequiredService<MachineStateTrackers>());
        return builder;
    }
}
