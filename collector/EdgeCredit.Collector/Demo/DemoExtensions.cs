using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Demo;

internal static class DemoExtensions
{
    /// <summary>Registers the demo history seeder (section <c>Demo</c>; used only by the <c>seed-demo-history</c> verb).</summary>
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<DemoHistoryOptions>().BindConfiguration(DemoHistoryOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<DemoHistoryOptions>, DemoHistoryOptionsValidator>();
        builder.Services.AddSingleton<DemoHistorySeeder>();
        return builder;
    }
}
