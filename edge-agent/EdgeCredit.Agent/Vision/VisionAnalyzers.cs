using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Vision;

/// <summary>One <see cref="CameraAnalyzer"/> per camera feed, shared by the analysis loops and the window contributor. Owns them.</summary>
internal sealed class VisionAnalyzers : IDisposable
{
    private readonly CameraAnalyzer[] _analyzers;

    public VisionAnalyzers(IReadOnlyList<ICameraFeed> feeds, IOptions<CamerasOptions> cameras, IOptions<VisionOptions> vision, IOptions<AgentOptions> agent, IHostEnvironment environment, ILogger<VisionAnalyzers> logger)
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
            return new CameraAnalyzer(camera, options, reference, logger, adopted => SaveReference(adopted, referenceDirectory, camera.Name, logger));
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OpenCvSharp.OpenCVException)
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
