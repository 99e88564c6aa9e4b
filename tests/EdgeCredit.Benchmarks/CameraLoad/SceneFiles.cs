using System.Globalization;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Scenes;

namespace EdgeCredit.Benchmarks.CameraLoad;

/// <summary>
/// Rendered normal-shift scenes (eval seed) cached under $TMPDIR/edgecredit-camera-load/, one folder per size, rate and
/// length, and the camera configuration that plays one with the scene's regions.
/// </summary>
internal static class SceneFiles
{
    public static async Task<(string Video, SceneTruth Truth)> GetAsync(int width, int height, int fps, int seconds)
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgecredit-camera-load",
            string.Create(CultureInfo.InvariantCulture, $"normal-shift-{width}x{height}-{fps}fps-{seconds}s"));
        var truthPath = Path.Combine(folder, "normal-shift.json");
        if (!File.Exists(truthPath))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rendering normal-shift {width}x{height} {fps} fps {seconds} s into {folder}"));
            var spec = SceneCatalogue.Spec("normal-shift", SceneSet.Eval) with { Width = width, Height = height, Fps = fps, Seconds = seconds };
            await SceneWriter.WriteAsync(spec, folder, null, CancellationToken.None);
        }

        var truth = SceneWriter.ReadTruth(truthPath);
        return (Path.Combine(folder, truth.Video ?? throw new InvalidOperationException(truthPath + " names no video")), truth);
    }

    /// <summary>Region names are prefixed with the camera name: source names must be unique across cameras.</summary>
    public static string RegionName(string camera, RegionTruth region) => camera + "-" + region.Name;

    public static CameraOptions Camera(string name, string video, SceneTruth truth, double analysisFps, bool realTime, int queueCapacity)
    {
        var camera = new CameraOptions { Name = name, Url = video, AnalysisFps = analysisFps, FileRealTime = realTime, QueueCapacity = queueCapacity };
        foreach (var region in truth.Regions)
        {
            camera.Regions.Add(new RegionOptions { Name = RegionName(name, region), Kind = Enum.Parse<RegionKind>(region.Kind), Polygon = region.Polygon });
        }

        return camera;
    }

    /// <summary>Agent command-line arguments for camera number <paramref name="index"/> (as the scenes' agent-args command prints them).</summary>
    public static IEnumerable<string> AgentArguments(int index, string name, string video, SceneTruth truth, double analysisFps)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"--Cameras:Sources:{index}");
        yield return $"{key}:Name={name}";
        yield return $"{key}:Url={video}";
        yield return string.Create(CultureInfo.InvariantCulture, $"{key}:AnalysisFps={analysisFps}");
        for (var i = 0; i < truth.Regions.Count; i++)
        {
            var region = truth.Regions[i];
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:Regions:{i}:Name={RegionName(name, region)}");
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:Regions:{i}:Kind={region.Kind}");
            yield return string.Create(CultureInfo.InvariantCulture, $"{key}:Regions:{i}:Polygon={region.Polygon}");
        }
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
