using EdgeCredit.Agent.Hosting;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// Checks section <c>Cameras</c>: that ffmpeg exists, camera names, URL forms (and that a file source exists), rates,
/// sizes, queue, reconnect and stall bounds, region and privacy-mask polygons and unique region names. Whether a camera
/// answers is not checked: an unreachable camera goes Offline and is retried, it does not stop the agent.
/// </summary>
internal sealed class CameraOptionsValidator : IValidateOptions<CamerasOptions>
{
    private const string Prefix = CamerasOptions.SectionName + ":";
    public ValidateOptionsResult Validate(string? name, CamerasOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        if (options.Sources.Count > 0 && (string.IsNullOrWhiteSpace(options.FfmpegPath) || !File.Exists(options.FfmpegPath)))
        {
            problems.Add(Prefix + nameof(CamerasOptions.FfmpegPath), options.FfmpegPath,
                "ffmpeg is not there; every camera is decoded by it: install it (apt-get install ffmpeg) or give the full path of an ffmpeg program");
        }

        var cameras = new Dictionary<string, int>(StringComparer.Ordinal);
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var camera = options.Sources[i];
            var key = $"{Prefix}Sources:{i}:";
            if (problems.SourceName(key + nameof(CameraOptions.Name), camera.Name) && !cameras.TryAdd(camera.Name!, i))
            {
                problems.Add(key + nameof(CameraOptions.Name), camera.Name, $"already used by {Prefix}Sources:{cameras[camera.Name!]}; camera names must be unique");
            }

            ValidateUrl(problems, key + nameof(CameraOptions.Url), camera.Url);
            problems.Range(key + nameof(CameraOptions.AnalysisFps), camera.AnalysisFps, 0.5, 30);
            problems.Range(key + nameof(CameraOptions.AnalysisWidth), camera.AnalysisWidth, 64, 1920);
            problems.Range(key + nameof(CameraOptions.DecodeThreads), camera.DecodeThreads, 0, 16);
            problems.Range(key + nameof(CameraOptions.QueueCapacity), camera.QueueCapacity, 1, 256);
            problems.Range(key + nameof(CameraOptions.ReconnectMin), camera.ReconnectMin, TimeSpan.FromSeconds(0.1), TimeSpan.FromMinutes(1));
            problems.Range(key + nameof(CameraOptions.ReconnectMax), camera.ReconnectMax, camera.ReconnectMin, TimeSpan.FromMinutes(10));
            problems.Range(key + nameof(CameraOptions.StallTimeout), camera.StallTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
            for (var r = 0; r < camera.Regions.Count; r++)
            {
                var region = camera.Regions[r];
                var regionKey = $"{key}Regions:{r}:";
                if (problems.SourceName(regionKey + nameof(RegionOptions.Name), region.Name) && !regions.TryAdd(region.Name!, regionKey))
                {
                    problems.Add(regionKey + nameof(RegionOptions.Name), region.Name, $"already used by {regions[region.Name!]}; region names are source names and must be unique");
                }

                if (!Enum.IsDefined(region.Kind))
                {
                    problems.Add(regionKey + nameof(RegionOptions.Kind), region.Kind, "allowed Machine, Conveyor, Station, Bay");
                }

                Polygon(problems, regionKey + nameof(RegionOptions.Polygon), region.Polygon);
            }

            for (var m = 0; m < camera.PrivacyMasks.Count; m++)
            {
                Polygon(problems, $"{key}PrivacyMasks:{m}", camera.PrivacyMasks[m]);
            }
        }

        return problems.ToResult();
    }

    private static void ValidateUrl(OptionsProblems problems, string key, string? url)
    {
        var shown = CameraUrl.Mask(url ?? string.Empty);
        switch (CameraUrl.KindOf(url))
        {
            case CameraSourceKind.Unsupported:
                problems.Add(key, string.IsNullOrEmpty(url) ? null : shown,
                    "must be rtsp://[user:password@]host[:port]/path, http(s)://host/path (MJPEG), /dev/videoN or the path of a video file (no spaces around it)");
                break;
            case CameraSourceKind.File when !File.Exists(url):
                problems.Add(key, shown, "the video file does not exist (give an existing file path, absolute or relative to the working directory, or a camera URL rtsp://... or http://...)");
                break;
        }
    }

    private static void Polygon(OptionsProblems problems, string key, string? text)
    {
        if (!NormalizedPolygon.TryParse(text, out _, out var problem))
        {
            problems.Add(key, text, problem);
        }
    }
}
