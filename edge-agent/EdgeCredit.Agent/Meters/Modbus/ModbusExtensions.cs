using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Modbus;

internal static class ModbusExtensions
{
    /// <summary>
    /// Registers the Modbus TCP meters of section <c>Modbus</c>: options validated at start, and
    /// <see cref="ModbusMeterProvider"/> as one of the <see cref="IMeterProvider"/>s. Needs a <see cref="TimeProvider"/>
    /// (AddAgentCore registers the system clock). Calling it again does nothing.
    /// </summary>
    public static IHostApplicationBuilder AddModbusMeters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(ModbusMeterProvider)))
        {
            return builder; // a second BindConfiguration would bind every list twice
        }

        builder.Services.AddOptionsWithValidateOnStart<ModbusOptions>().BindConfiguration(ModbusOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModbusOptions>, ModbusOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModbusMeterProvider>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMeterProvider, ModbusMeterProvider>(sp => sp.GetRequiredService<ModbusMeterProvider>()));
        return builder;
    }
}
