using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Signals;
using EdgeCredit.Agent.Vision.Counting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Vision;

internal static class VisionExtensions
{
    /// <summary>
    /// Registers the vision stage: <see cref="VisionOptions"/> (section <c>Vision</c>, validated at start), one
    /// <see cref="CameraAnalyzer"/> per <see cref="Capture.ICameraFeed"/> (the capture stage registers
    /// <c>IReadOnlyList&lt;ICameraFeed&gt;</c>), output counting and station occupancy (<see cref="DetectionOptions"/>,
    /// section <c>Detection</c>, with the model runtime), the loops that feed them, and their window signals as an
    /// <see cref="IWindowContributor"/>.
    /// </summary>
    public static IHostApplicationBuilder AddVision(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<VisionOptions>().BindConfiguration(VisionOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VisionOptions>, VisionOptionsValidator>());
        builder.AddInference();
        builder.Services.AddOptionsWithValidateOnStart<DetectionOptions>().BindConfiguration(DetectionOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectionOptions>, DetectionOptionsValidator>());
        builder.Services.AddSingleton<VisionAnalyzers>();
        builder.Services.AddSingleton<IWindowContributor, CameraWindowContributor>();
        builder.Services.AddSingleton<IEventSource, CameraEventSource>();
        builder.Services.AddHostedService<VisionService>();
        return builder;
    }
}
