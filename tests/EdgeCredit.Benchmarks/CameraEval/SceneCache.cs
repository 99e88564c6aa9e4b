using System.Diagnostics;
using EdgeCredit.Scenes;

namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>
/// Renders scenes into a folder, or reuses a render there whose truth JSON matches the spec (scene, set, seed,
/// size, rate, length, noise, tamper) and whose mp4 exists. Refuses a spec whose seed is not of its set's family (a tune
/// seed labelled eval would let a tuned clip pass as unseen).
/// </summary>
internal static class SceneCache
{
    public static async Task<(string Video, SceneTruth Truth)> EnsureAsync(SceneSpec spec, string folder, CancellationToken cancellationToken)
    {
        if (SceneCatalogue.IsTuneSeed(spec.Seed) != (spec.Set == SceneSet.Tune))
        {
            throw new InvalidOperationException($"{spec.Name}: seed {spec.Seed} is not a seed of the {spec.Set} family");
        }

        var truthPath = Path.Combine(folder, spec.Name + ".json");
        var video = Path.Combine(folder, spec.Name + ".mp4");
        if (File.Exists(truthPath) && File.Exists(video) && new FileInfo(video).Length > 0)
        {
            var cached = SceneWriter.ReadTruth(truthPath);
            if (Matches(cached, spec) && cached.Regions.Any(r => r.Visible is null))
            {
                // Written before the truth had the people's cover of each moving part: the frames are the same, only the truth is redone.
                var stopwatch0 = Stopwatch.StartNew();
                cached = TruthBuilder.Build(ScriptBuilder.Build(spec), Path.GetFileName(video), cached.FramesSha256);
                await File.WriteAllTextAsync(truthPath, SceneWriter.ToJson(cached), cancellationToken);
                Console.WriteLine($"  {spec.Name}: truth brought up to date (visible share per second) in {stopwatch0.Elapsed.TotalSeconds:F0} s");
            }

            if (Matches(cached, spec))
            {
                Console.WriteLine($"  {spec.Name}: reusing {video} (seed {cached.Seed}, {cached.Width}x{cached.Height}, {cached.Fps} fps, {cached.Seconds} s)");
                return (video, cached);
            }
        }

        Console.WriteLine($"  {spec.Name}: rendering (seed {spec.Seed}, {spec.Width}x{spec.Height}, {spec.Fps} fps, {spec.Seconds} s) into {folder}");
        var stopwatch = Stopwatch.StartNew();
        var rendered = await SceneWriter.WriteAsync(spec, folder, new ConsoleProgress(spec.Name, spec.FrameCount), cancellationToken);
        Console.WriteLine($"  {spec.Name}: rendered in {stopwatch.Elapsed.TotalSeconds:F0} s");
        return (rendered.VideoPath, rendered.Truth);
    }

    private static bool Matches(SceneTruth truth, SceneSpec spec) =>
        string.Equals(truth.Scene, spec.Name, StringComparison.Ordinal)
        && string.Equals(truth.Set, spec.Set.ToString(), StringComparison.OrdinalIgnoreCase)
        && truth.Seed == spec.Seed
        && truth.Width == spec.Width
        && truth.Height == spec.Height
        && truth.Fps == spec.Fps
        && truth.Seconds == spec.Seconds
        && truth.Frames == spec.FrameCount
        && Math.Abs(truth.NoiseSigma - spec.NoiseSigma) < 1e-9
        && (truth.Tamper is null) == (spec.Tamper is null);
}
