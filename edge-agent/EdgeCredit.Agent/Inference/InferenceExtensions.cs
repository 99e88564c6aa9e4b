using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Inference;

internal static class InferenceExtensions
{
    /// <summary>
    /// Registers the model runtime: <see cref="InferenceOptions"/> (section <c>Inference</c>, validated at start, which
    /// verifies the models it lists) and the <see cref="ModelCatalogue"/> that stages take their models from.
    /// </summary>
    public static IHostApplicationBuilder AddInference(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<InferenceOptions>().BindConfiguration(InferenceOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());
        builder.Services.TryAddSingleton<ModelCatalogue>();
        return builder;
    }
}
