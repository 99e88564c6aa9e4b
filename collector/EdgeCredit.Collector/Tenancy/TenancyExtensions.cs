using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tenancy;

internal static class TenancyExtensions
{
    /// <summary>Registers lenders and grants (section <c>Tenancy</c>).</summary>
    public static IHostApplicationBuilder AddTenancy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<TenancyOptions>().BindConfiguration(TenancyOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<TenancyOptions>, TenancyOptionsValidator>();
        builder.Services.AddSingleton<LenderDirectory>();
        return builder;
    }
}
