using System.Diagnostics;
using System.Globalization;

namespace EdgeCredit.Scenes;

/// <summary>The command line: list, render, bench.</summary>
internal static class SceneCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            switch (args.FirstOrDefault())
            {
                case "list":
                    List(output);
                    return 0;
                case "render":
                    return await RenderAsync(args, output, cancellationToken);
                case "bench":
                    Bench(args, output, cancellationToken);
                    return 0;
                case "dataset": return await Datasets.DatasetExporter.RunAsync(args, output, cancellationToken);
                case "meters": return await MeterDisplays.MeterDisplayCli.RunAsync(args, output);
                case "meter-video": return await MeterDisplays.MeterVideoCli.RunAsync(args, output, cancellationToken);
                case "agent-args":
                    return await AgentArgsAsync(args, output);
                default:
                    await output.WriteLineAsync("usage: list | render --scene NAME|all [--set tune|eval] [--out DIR] [--width W --height H --fps F --seconds S --seed N --noise SIGMA --crf Q] [--avi] | bench [--width W --height H --fps F --seconds S] | agent-args --truth PATH [--camera NAME] [--index N] | meters [--set tune|eval] | meter-video --out DIR [--kind lcd|segment|drum] [--minutes M] [--kw KW]");
                    return 2;
            }
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync("error: " + e.Message);
            return 2;
        }
        catch (InvalidOperationException e)
        {
            await output.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }

    /// <summary>
    /// Prints, one per line, the agent arguments that configure a camera playing a rendered scene with the scene's regions
    /// (for the demo: <c>mapfile -t args &lt; &lt;(... agent-args --truth X.json --camera cam-1 --index 0)</c>).
    /// </summary>
    private static async Task<int> AgentArgsAsync(string[] args, TextWriter output)
    {
        var truthPath = CliOptions.Value(args, "truth") ?? throw new ArgumentException("agent-args needs --truth PATH (the .json written next to a rendered video)");
        var camera = CliOptions.Value(args, "camera") ?? "cam-1";
        var index = CliOptions.Int(args, "index") ?? 0;
        var truth = SceneWriter.ReadTruth(truthPath);
        var video = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(truthPath))!, truth.Video ?? throw new InvalidOperationException($"{truthPath} names no video"));
        var key = $"--Cameras:Sources:{index}";
        await output.WriteLineAsync($"{key}:Name={camera}");
        await output.WriteLineAsync($"{key}:Url={video}");
        for (var i = 0; i < truth.Regions.Count; i++)
        {
            var region = truth.Regions[i];
            await output.WriteLineAsync($"{key}:Regions:{i}:Name={region.Name}");
            await output.WriteLineAsync($"{key}:Regions:{i}:Kind={region.Kind}");
            await output.WriteLineAsync($"{key}:Regions:{i}:Polygon={region.Polygon}");
        }

        return 0;
    }

    private static void List(TextWriter output)
    {
        output.WriteLine($"{"scene",-16} {"seconds",7} {"size",9} {"fps",3} {"tune",5} {"eval",5}  description");
        foreach (var e in SceneCatalogue.Entries)
        {
            var d = e.Defaults;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Name,-16} {d.Seconds,7} {d.Width + "x" + d.Height,9} {d.Fps,3} {e.TuneSeed,5} {e.EvalSeed,5}  {e.Description}"));
        }
    }

    private static async Task<int> RenderAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var scene = CliOptions.Value(args, "scene") ?? throw new ArgumentException("render needs --scene NAME (or --scene all); see 'list'");
        var set = CliOptions.Set(args);
        var folder = CliOptions.Value(args, "out") ?? Path.Combine(Path.GetTempPath(), "edgecredit-scenes", set.ToString().ToLowerInvariant());
        var names = scene == "all" ? SceneCatalogue.Entries.Where(e => e.Defaults.Seconds < 3600).Select(e => e.Name) : [scene];
        foreach (var name in names)
        {
            var spec = Apply(args, SceneCatalogue.Spec(name, set));
            if (spec.Problem() is { } problem)
            {
                throw new ArgumentException(problem);
            }

            if (set == SceneSet.Eval && SceneCatalogue.IsTuneSeed(spec.Seed))
            {
                throw new ArgumentException($"--seed {spec.Seed} belongs to the tune family ({SceneCatalogue.TuneSeedBase}-{SceneCatalogue.EvalSeedBase - 1}): evaluation seeds start at {SceneCatalogue.EvalSeedBase}");
            }

            var rendered = await SceneWriter.WriteAsync(spec, folder, new SynchronousProgress(output, spec), cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{rendered.VideoPath} + {rendered.TruthPath}: {spec.Width}x{spec.Height} {spec.Fps} fps {spec.Seconds} s seed {spec.Seed}, {spec.FrameCount / rendered.Elapsed.TotalSeconds:0} frames/s rendered and encoded"));
        }

        return 0;
    }

    private static void Bench(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var spec = Apply(args, SceneCatalogue.Spec("normal-shift", SceneSet.Tune) with { Seconds = 30 });
        var stopwatch = Stopwatch.StartNew();
        SceneWriter.HashFrames(spec, cancellationToken);
        var renderOnly = spec.FrameCount / stopwatch.Elapsed.TotalSeconds;
        var folder = Path.Combine(Path.GetTempPath(), "edgecredit-scenes-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            var rendered = SceneWriter.WriteAsync(spec, folder, null, cancellationToken).GetAwaiter().GetResult();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{spec.Width}x{spec.Height} {spec.Fps} fps {spec.Seconds} s ({spec.FrameCount} frames): render only {renderOnly:0} frames/s; render + x264 mp4 {spec.FrameCount / rendered.Elapsed.TotalSeconds:0} frames/s"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static SceneSpec Apply(string[] args, SceneSpec spec) => spec with
    {
        Width = CliOptions.Int(args, "width") ?? spec.Width,
        Height = CliOptions.Int(args, "height") ?? spec.Height,
        Fps = CliOptions.Int(args, "fps") ?? spec.Fps,
        Seconds = CliOptions.Int(args, "seconds") ?? spec.Seconds,
        Seed = CliOptions.Int(args, "seed") ?? spec.Seed,
        Crf = CliOptions.Int(args, "crf") ?? spec.Crf,
        NoiseSigma = CliOptions.Value(args, "noise") is { } noise ? double.Parse(noise, CultureInfo.InvariantCulture) : spec.NoiseSigma,
        WriteAvi = spec.WriteAvi || args.Contains("--avi"),
    };

    /// <summary>Prints progress on the rendering thread (Progress&lt;T&gt; would post to the thread pool out of order).</summary>
    private sealed class SynchronousProgress(TextWriter output, SceneSpec spec) : IProgress<int>
    {
        public void Report(int value) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec.Name}: {value}/{spec.FrameCount} frames"));
    }
}
