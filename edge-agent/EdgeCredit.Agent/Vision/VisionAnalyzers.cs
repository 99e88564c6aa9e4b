using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Vision.Counting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// One <see cref="CameraAnalyzer"/> per camera feed, shared by the analysis loops and the window contributor. Owns them.
/// A camera with conveyor or station regions gets a <see cref="CameraCounting"/> with its own
/// <see cref="ObjectDetector"/> over the catalogue's shared session, unless <c>Detection:Model</c> is empty; a camera
/// with machine or conveyor regions gets a <see cref="PersonFinder"/> on the same model (<c>Vision:HidePeople</c>).
/// </summary>
internal sealed class VisionAnalyzers : IDisposable
{
    private readonly CameraAnalyzer[] _analyzers;

    public VisionAnalyzers(IReadOnlyList<ICameraFeed> feeds, IOptions<CamerasOptions> cameras, IOptions<VisionOptions> vision, IOptions<AgentOptions> agent, IHostEnvironment environment, ILogger<VisionAnalyzers> logger, IOptions<DetectionOptions>? detection = null, ModelCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(cameras);
        ArgumentNullException.ThrowIfNull(vision);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(environment);
        var options = vision.Value;
        var referenceDirectory = ReferenceDirectoryOf(options, agent.Value, environment.ContentRootPath);
        _analyzers = [.. feeds.Select(feed =>
        {
            var camera = cameras.Value.Sources.FirstOrDefault(c => c.Name == feed.Camera) ?? new CameraOptions { Name = feed.Camera };
            var reference = LoadReference(referenceDirectory, camera.Name, logger);
            VisionLog.Analysing(logger, camera.Name, camera.Regions.Count, camera.PrivacyMasks.Count, reference is null ? "none yet" : $"captured {reference.CapturedAt:o}");
            var analyzer = new CameraAnalyzer(camera, options, reference, logger, adopted => SaveReference(adopted, referenceDirectory, camera.Name, logger));
            if (detection?.Value is { Model.Length: > 0 } counting && catalogue is not null
                && camera.Regions.Any(r => r.Kind is Capture.RegionKind.Conveyor or Capture.RegionKind.Station))
            {
                var regions = camera.Regions.Select(r => (r, NormalizedPolygon.TryParse(r.Polygon, out var p, out _) ? p! : throw new ArgumentException($"region {r.Name}: bad polygon"))).ToArray();
                analyzer.Counting = new CameraCounting(regions, counting, new ObjectDetector(catalogue.Get(counting.Model)), CameraAnalyzer.TimelineSeconds);
                var conveyors = regions.Count(r => r.r.Kind == Capture.RegionKind.Conveyor);
                var stations = regions.Length - conveyors;
                VisionLog.Counting(logger, camera.Name, counting.Model, conveyors, stations);
            }

            if (options.HidePeople && detection?.Value is { Model.Length: > 0 } people && catalogue is not null
                && camera.Regions.Any(r => RegionSettings.For(r.Name, r.Kind, options).RejectPassingMotion))
            {
                var detector = new ObjectDetector(catalogue.Get(people.Model));
                if (detector.IndexOf(people.PersonLabel) >= 0)
                {
                    analyzer.People = new PersonFinder(detector, people.PersonLabel, new DetectionSettings((float)people.MinScore, (float)people.NmsIoU), people.MaxFps);
                    VisionLog.HidingPeople(logger, camera.Name, people.Model);
                    if (options.PersonMask.Length > 0)
                    {
                        analyzer.Mask = new PeopleMask(new ImageSegmenter(catalogue.Get(options.PersonMask)));
                        VisionLog.MaskingPeople(logger, camera.Name, options.PersonMask);
                    }
                }
                else
                {
                    VisionLog.NoPersonLabel(logger, camera.Name, people.Model, people.PersonLabel);
                }
            }

            return analyzer;
        })];
    }

    public IReadOnlyList<CameraAnalyzer> All => _analyzers;

    public CameraAnalyzer For(string camera) => _analyzers.First(a => a.Camera == camera);

    public void Dispose()
    {
        foreach (var analyzer in _analyzers)
        {
            analyzer.Dispose();
        }
    }

    /// <summary>
    /// Where the commissioning references are: <c>Vision:ReferenceDirectory</c> when set, else
    /// <c>{Agent:DataDirectory}/reference</c> (where the <c>commission</c> command writes them).
    /// </summary>
    public static string ReferenceDirectoryOf(VisionOptions vision, AgentOptions agent, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(vision);
        ArgumentNullException.ThrowIfNull(agent);
        return string.IsNullOrEmpty(vision.ReferenceDirectory)
            ? Path.Combine(contentRoot, agent.DataDirectory, "reference")
            : vision.ReferenceDirectory;
    }

    /// <summary>Persists an adopted reference, so a restart compares against the same view (a move while stopped is seen).</summary>
    private static void SaveReference(SceneReference reference, string directory, string camera, ILogger logger)
    {
        try
        {
            reference.Save(directory, camera);
            VisionLog.ReferenceSaved(logger, camera, directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            VisionLog.ReferenceNotSaved(logger, ex, camera, directory);
        }
    }

    private static SceneReference? LoadReference(string directory, string camera, ILogger logger)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        try
        {
            return SceneReference.Load(directory, camera);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            VisionLog.ReferenceUnreadable(logger, ex, camera, directory);
            return null;
        }
    }
}
