using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Indicators;

internal static class IndicatorsExtensions
{
    /// <summary>Registers the enterprise calendars (in <c>Registry:Enterprises</c>) and the daily indicators (section <c>Indicators</c>).</summary>
    public static IHostApplicationBuilder AddIndicators(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<RegistryOptions>, CalendarOptionsValidator>();
        builder.Services.AddSingleton<EnterpriseCalendars>();
        builder.Services.AddOptionsWithValidateOnStart<IndicatorOptions>().BindConfiguration(IndicatorOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<IndicatorOptions>, IndicatorOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IndicatorStore>();
        builder.Services.AddSingleton<IndicatorEngine>();
        builder.Services.AddHostedService<IndicatorService>();
        return builder;
    }
}
