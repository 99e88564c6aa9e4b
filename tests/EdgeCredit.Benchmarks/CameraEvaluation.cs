using System.Diagnostics;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Benchmarks.CameraEval;
using EdgeCredit.Scenes;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Issue 4's evaluation of the camera stages on footage nobody tuned on: renders the eval-set scenes (or reuses a
/// matching render in <c>folder</c>), plays each once through <see cref="FfmpegCamera"/> and <see cref="Agent.Vision.CameraAnalyzer"/>
/// with the truth's regions, scores running/idle per second and the tamper conditions against the truth, then runs the
/// real clips of ../shared/data/video with one whole-view region, and prints a summary with a PASS/FAIL line per goal.
/// <c>quick</c> skips the two hour-long scenes; <c>trace</c> ("CLIP/REGION") prints that region's seconds one by one.
/// <c>set</c> Tune runs the same scenes with the tune family's seeds: for development only, the figures to quote are the
/// eval family's.
/// </summary>
internal sealed class CameraEvaluation(string folder, bool quick, string videoFolder, string? trace, SceneSet set = SceneSet.Eval)
{
    /// <summary>Frames per second analysed (the agent's default), at most the scene's rate.</summary>
    public const double AnalysisFps = 5;

    /// <summary>
    /// <c>--variant N</c> (tune set only, 1..59): other tune seeds (3000 + 100 N + the scene's catalogue index), to check a
    /// change on footage it was not developed on without touching the eval set.
    /// </summary>
    public static int Variant { get; set; }

    /// <summary><c>--scenes a,b</c>: only these scenes.</summary>
    public static IReadOnlyList<string>? Only { get; set; }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var names = new List<string> { "normal-shift", "conveyor", "nuisance-only" };
        names.AddRange(SceneCatalogue.Entries.Select(e => e.Name).Where(n => n.StartsWith("tamper-", StringComparison.Ordinal)));
        if (!quick)
        {
            names.AddRange(["normal-hour", "nuisance-hour"]);
        }

        if (Only is { } only)
        {
            names = [.. names.Where(only.Contains)];
        }

        if (Variant != 0 && (set != SceneSet.Tune || Variant is < 1 or > 59))
        {
            throw new ArgumentException($"--variant {Variant}: 1..59, and only with --set tune");
        }

        Console.WriteLine($"camera-eval: {names.Count} {(set == SceneSet.Eval ? "eval-set" : "TUNE-SET (development only; quote the eval set)")} scenes{(quick ? " (--quick: without normal-hour and nuisance-hour)" : string.Empty)}, renders in {folder}");
        Console.WriteLine($"analysis{(ClipRunner.VisionOverrides is null ? string.Empty : $" (Vision overridden: {ClipRunner.VisionOverrides})")}: FfmpegCamera (file, FileRealTime=false, width 320, {AnalysisFps} fps, {(ClipRunner.Deblock ? "deblocking filter on (--deblock)" : "deblocking skipped")}) -> CameraAnalyzer (default VisionOptions, {(ClipRunner.PersonDetector is null ? "people by motion blobs alone (--no-people)" : ClipRunner.PersonSegmenter is null ? "people found by the default detector hide their whole box (--no-mask)" : "people found by the default detector hide the cells the person-mask model puts them on")}, {(ClipRunner.CommissionReference ? "reference commissioned from the first frame" : $"no commissioned reference: auto-adopted after {new Agent.Vision.VisionOptions().AutoReferenceAfter.TotalSeconds:F0} s (--auto-reference)")})");
        Console.WriteLine("time: each frame re-stamped clip start + Index / fps (frames arrive faster than real time)");
        Console.WriteLine();
        Console.WriteLine("1. Scenes");
        var scenes = new List<(string Video, SceneTruth Truth)>();
        var render = Stopwatch.StartNew();
        foreach (var name in names)
        {
            var spec = SceneCatalogue.Spec(name, set);
            if (Variant != 0)
            {
                var index = SceneCatalogue.Entries.Select(e => e.Name).ToList().IndexOf(name);
                spec = spec with { Seed = 3000 + (100 * Variant) + index };
            }

            scenes.Add(await SceneCache.EnsureAsync(spec, folder, cancellationToken));
        }

        render.Stop();
        Console.WriteLine($"  scenes ready in {render.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine();
        Console.WriteLine("2. Rendered scenes through capture + vision");
        var results = new List<ClipResult>();
        var analysis = Stopwatch.StartNew();
        foreach (var (video, truth) in scenes)
        {
            var regions = truth.Regions.Select(r => new RegionOptions { Name = r.Name, Kind = Enum.Parse<RegionKind>(r.Kind), Polygon = r.Polygon }).ToList();
            var observation = await ClipRunner.RunAsync(truth.Scene, video, regions, Math.Min(AnalysisFps, truth.Fps), cancellationToken);
            var result = new ClipResult(truth, observation, SceneScorer.ScoreRegions(truth, observation), truth.Tamper is null ? null : SceneScorer.ScoreTamper(truth, observation));
            CameraEvalReport.PrintScene(result);
            CameraEvalReport.PrintTrace(result, trace);
            results.Add(result);
        }

        Console.WriteLine();
        Console.WriteLine($"3. Real clips in {videoFolder} (played once, one whole-view Station region 'view')");
        foreach (var path in (Directory.Exists(videoFolder) ? Directory.GetFiles(videoFolder) : []).Order(StringComparer.Ordinal))
        {
            var view = new RegionOptions { Name = "view", Kind = RegionKind.Station, Polygon = "0.05,0.05 0.95,0.05 0.95,0.95 0.05,0.95" };
            var observation = await ClipRunner.RunAsync(Path.GetFileNameWithoutExtension(path).Replace('_', '-'), path, [view], AnalysisFps, cancellationToken);
            var result = new ClipResult(null, observation, [], null);
            CameraEvalReport.PrintReal(Path.GetFileName(path), result);
            results.Add(result);
        }

        analysis.Stop();
        Console.WriteLine();
        var passed = CameraEvalReport.PrintSummary(results, quick);
        Console.WriteLine();
        if (ClipRunner.PersonDetector is not null)
        {
            var (runs, frames, time) = ClipRunner.PeopleCost;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"people: the detector ran on {runs} of {frames} analysed frames ({(double)runs / Math.Max(1, frames):P1}), {time.TotalMilliseconds / Math.Max(1, runs):F1} ms a run"));
            var (maskRuns, maskTime) = ClipRunner.MaskCost;
            Console.WriteLine(ClipRunner.PersonSegmenter is null
                ? "people: no person mask (--no-mask): the whole box under each person is hidden"
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"people: the person mask ran on {maskRuns} of {frames} analysed frames ({(double)maskRuns / Math.Max(1, frames):P1}), {maskTime.TotalMilliseconds / Math.Max(1, maskRuns):F1} ms a run"));
        }

        Console.WriteLine($"runtime: {total.Elapsed.TotalSeconds:F0} s (scenes ready {render.Elapsed.TotalSeconds:F0} s, capture + analysis {analysis.Elapsed.TotalSeconds:F0} s), {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        return passed ? 0 : 1;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
