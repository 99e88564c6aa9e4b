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
        var truthPath = Option(args, "truth") ?? throw new ArgumentException("agent-args needs --truth PATH (the .json written next to a rendered video)");
        var camera = Option(args, "camera") ?? "cam-1";
        var index = Int(args, "index") ?? 0;
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
        var scene = Option(args, "scene") ?? throw new ArgumentException("render needs --scene NAME (or --scene all); see 'list'");
        var set = Option(args, "set") switch
        {
            null or "tune" => SceneSet.Tune,
            "eval" => SceneSet.Eval,
            var other => throw new ArgumentException($"--set {other}: use tune or eval"),
        };
        var folder = Option(args, "out") ?? Path.Combine(Path.GetTempPath(), "edgecredit-scenes", set.ToString().ToLowerInvariant());
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
        Width = Int(args, "width") ?? spec.Width,
        Height = Int(args, "height") ?? spec.Height,
        Fps = Int(args, "fps") ?? spec.Fps,
        Seconds = Int(args, "seconds") ?? spec.Seconds,
        Seed = Int(args, "seed") ?? spec.Seed,
        Crf = Int(args, "crf") ?? spec.Crf,
        NoiseSigma = Option(args, "noise") is { } noise ? double.Parse(noise, CultureInfo.InvariantCulture) : spec.NoiseSigma,
        WriteAvi = spec.WriteAvi || args.Contains("--avi"),
    };

    private static string? Option(string[] args, string key)
    {
        var i = Array.IndexOf(args, "--" + key);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int? Int(string[] args, string key) => Option(args, key) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new ArgumentException($"--{key} {text}: not a whole number")
        : null;

    /// <summary>Prints progress on the rendering thread (Progress&lt;T&gt; would post to the thread pool out of order).</summary>
    private sealed class SynchronousProgress(TextWriter output, SceneSpec spec) : IProgress<int>
    {
        public void Report(int value) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{spec.Name}: {value}/{spec.FrameCount} frames"));
    }
}
