using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Capture;

internal static class CaptureExtensions
{
    /// <summary>
    /// Registers the cameras of section <c>Cameras</c>: options validated at start (<see cref="CameraOptionsValidator"/>),
    /// one <see cref="FfmpegCamera"/> per source exposed as <c>IReadOnlyList&lt;ICameraFeed&gt;</c>, and
    /// <see cref="CaptureService"/>, which runs every camera's loop. Needs a <see cref="TimeProvider"/> (registers the
    /// system clock if none). Calling it again does nothing.
    /// </summary>
    public static IHostApplicationBuilder AddCapture(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(CameraSet)))
        {
            return builder; // a second BindConfiguration would bind every list twice
        }

        builder.Services.AddOptionsWithValidateOnStart<CamerasOptions>().BindConfiguration(CamerasOptions.SectionName);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CamerasOptions>, CameraOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CamerasOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<FfmpegCamera>();
            return new CameraSet([.. options.Sources.Select(c => new FfmpegCamera(c, options.FfmpegPath, time, logger))]);
        });
        builder.Services.AddSingleton<IReadOnlyList<ICameraFeed>>(sp => [.. sp.GetRequiredService<CameraSet>().Cameras]);
        builder.Services.AddHostedService<CaptureService>();
        return builder;
    }
}
