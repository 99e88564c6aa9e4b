using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Ocr;

internal static class MeterOcrExtensions
{
    /// <summary>
    /// Registers the meters read by camera OCR (section <c>MeterOcr</c>): options validated at start (models included),
    /// and <see cref="OcrMeterProvider"/> as one of the <see cref="IMeterProvider"/>s. When meters are configured it
    /// takes its models from the <see cref="ModelCatalogue"/> that <see cref="InferenceExtensions.AddInference"/>
    /// registers (the host calls it before AddMeters). Calling it again does nothing.
    /// </summary>
    public static IHostApplicationBuilder AddOcrMeters(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(OcrMeterProvider)))
        {
            return builder; // a second BindConfiguration would bind every list twice
        }

        builder.Services.AddOptionsWithValidateOnStart<MeterOcrOptions>().BindConfiguration(MeterOcrOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MeterOcrOptions>, MeterOcrOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new OcrMeterProvider(
            sp.GetRequiredService<IOptions<MeterOcrOptions>>(),
            () => sp.GetService<ModelCatalogue>() ?? throw new InvalidOperationException("MeterOcr:Meters are configured but the model runtime is not registered: call AddInference() before AddMeters()"),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            sp.GetService<CameraSet>())); // resolved before any hosted service starts, so before the cameras run
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IMeterProvider, OcrMeterProvider>(sp => sp.GetRequiredService<OcrMeterProvider>()));
        return builder;
    }
}
