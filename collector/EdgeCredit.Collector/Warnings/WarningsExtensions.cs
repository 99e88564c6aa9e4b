using EdgeCredit.Collector.Operations;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Warnings;

internal static class WarningsExtensions
{
    /// <summary>Registers operating state, the warning rules and their service (section <c>Warnings</c>).</summary>
    public static IHostApplicationBuilder AddWarnings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<WarningOptions>().BindConfiguration(WarningOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<WarningOptions>, WarningOptionsValidator>();
        builder.Services.AddSingleton<TamperMinutes>();
        builder.Services.AddSingleton<WarningStore>();
        builder.Services.AddSingleton<WarningEngine>();
        builder.Services.AddHostedService<WarningService>();
        return builder;
    }
}
