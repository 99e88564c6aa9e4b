using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Api;

internal static class ApiExtensions
{
    /// <summary>Registers API key checking, problem details and the OpenAPI document (section <c>Api</c>).</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<ApiOptions>().BindConfiguration(ApiOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        builder.Services.AddSingleton<ApiKeyVerifier>();
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddSingleton<EnterpriseAccess>();
        builder.Services.AddSingleton<EnterpriseAccessFilter>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }
}
