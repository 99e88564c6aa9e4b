using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using OpenCvSharp;

namespace EdgeCredit.Scenes.Datasets;

/// <summary>
/// The <c>dataset</c> verb: renders TUNE-family scenes (never eval seeds) and writes grey JPEG frames at the agent's
/// analysis size with YOLO label files (<c>--set eval</c>: frames of eval seeds from 9500 on, for measuring only) (<c>class cx cy w h</c>, normalised; class 0 item, 1 person) from the exact plan.
/// Output goes under /tmp by default, never into the repository. Deterministic: same options, same files.
/// </summary>
internal static class DatasetExporter
{
    public const int DefaultSeedBase = 2000;

    /// <summary>Evaluation frames (never trained on) start here, clear of the catalogue's eval seeds 9000-9012.</summary>
    public const int EvalSeedBase = 9500;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var folder = CliOptions.Value(args, "out") ?? Path.Combine(Path.GetTempPath(), "edgecredit-dataset");
        var scenes = CliOptions.Int(args, "scenes") ?? 48;
        var evaluation = CliOptions.Value(args, "set") switch
        {
            null or "tune" => false,
            "eval" => true,
            var other => throw new ArgumentException($"--set {other}: use tune (training) or eval (measuring only)"),
        };
        var seedBase = CliOptions.Int(args, "seed-base") ?? (evaluation ? EvalSeedBase : DefaultSeedBase);
        var every = CliOptions.Int(args, "every") ?? 10;
        var seconds = CliOptions.Int(args, "seconds") ?? 60;
        if (scenes is < 1 or > 2000 || every is < 1 or > 100 || seconds is < 10 or > 600)
        {
            throw new ArgumentException($"--scenes {scenes} (1..2000), --every {every} (1..100 frames), --seconds {seconds} (10..600)");
        }

        if (evaluation && (seedBase < SceneCatalogue.EvalSeedBase || SceneCatalogue.IsTuneSeed(seedBase + scenes - 1)))
        {
            throw new ArgumentException($"--set eval --seed-base {seedBase}: evaluation frames use seeds from {SceneCatalogue.EvalSeedBase} on");
        }

        if (!evaluation && (!SceneCatalogue.IsTuneSeed(seedBase) || !SceneCatalogue.IsTuneSeed(seedBase + scenes - 1)))
        {
            throw new ArgumentException($"--seed-base {seedBase} with {scenes} scenes leaves the tune family ({SceneCatalogue.TuneSeedBase}-{SceneCatalogue.EvalSeedBase - 1}): a training set never uses evaluation seeds");
        }

        Directory.CreateDirectory(Path.Combine(folder, "images"));
        Directory.CreateDirectory(Path.Combine(folder, "labels"));
        Directory.CreateDirectory(Path.Combine(folder, "masks"));
        var index = new StringBuilder();
        var counts = new int[2];
        var images = 0;
        for (var k = 0; k < scenes; k++)
        {
            var spec = Variant(k, seedBase + k, seconds) with { Set = evaluation ? SceneSet.Eval : SceneSet.Tune };
            var script = ScriptBuilder.Build(spec);
            using var renderer = new SceneRenderer(script);
            using var bgr = new Mat(spec.Height, spec.Width, MatType.CV_8UC3);
            using var grey = new Mat();
            using var small = new Mat();
            using var mask = new Mat(spec.Height, spec.Width, MatType.CV_8UC1);
            using var smallMask = new Mat();
            var offset = k % every;
            renderer.Render(
                (i, frame) =>
                {
                    if (i % every != offset)
                    {
                        return;
                    }

                    Marshal.Copy(frame, 0, bgr.Data, frame.Length);
                    Cv2.CvtColor(bgr, grey, ColorConversionCodes.BGR2GRAY);
                    var image = grey;
                    if (spec.Width != 320)
                    {
                        Cv2.Resize(grey, small, new Size(320, 180), 0, 0, InterpolationFlags.Area);
                        image = small;
                    }

                    var name = string.Create(CultureInfo.InvariantCulture, $"s{spec.Seed}_f{i:D4}");
                    var quality = 60 + (int)(Hashing.Uniform(spec.Seed, 77, i) * 35);
                    Cv2.ImWrite(Path.Combine(folder, "images", name + ".jpg"), image, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
                    var labels = new StringBuilder();
                    foreach (var box in SceneObjects.At(script, script.Time(i)))
                    {
                        counts[box.Class]++;
                        labels.Append(string.Create(CultureInfo.InvariantCulture, $"{box.Class} {box.CenterX / spec.Width:0.######} {box.CenterY / spec.Height:0.######} {box.Width / spec.Width:0.######} {box.Height / spec.Height:0.######}\n"));
                    }

                    File.WriteAllText(Path.Combine(folder, "labels", name + ".txt"), labels.ToString());
                    PersonMask.Paint(script, script.Time(i), mask);
                    var maskImage = mask;
                    if (spec.Width != 320)
                    {
                        Cv2.Resize(mask, smallMask, new Size(320, 180), 0, 0, InterpolationFlags.Area);
                        maskImage = smallMask;
                    }

                    Cv2.ImWrite(Path.Combine(folder, "masks", name + ".png"), maskImage);
                    index.Append(name).Append('\n');
                    images++;
                },
                cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{spec.Name} seed {spec.Seed} {spec.Width}x{spec.Height}: {images} images so far"));
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "index.txt"), index.ToString(), cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{folder}: {images} images 320x180 grey, {counts[0]} item boxes, {counts[1]} person boxes ({(evaluation ? "eval" : "tune")} seeds {seedBase}-{seedBase + scenes - 1})"));
        return 0;
    }

    /// <summary>Scene k of the set: normal shifts, conveyors and stopped halls in turn, half rendered at 640x360 and scaled down as the agent's capture does, 3-6 people a minute.</summary>
    public static SceneSpec Variant(int k, int seed, int seconds)
    {
        var name = (k % 3) switch { 0 => "normal-shift", 1 => "conveyor", _ => "nuisance-only" };
        var wide = k % 2 == 1;
        return SceneCatalogue.Get(name).Defaults with
        {
            Set = SceneSet.Tune,
            Seed = seed,
            Seconds = seconds,
            Width = wide ? 640 : 320,
            Height = wide ? 360 : 180,
            Fps = 10,
            PeoplePerMinute = 3 + (k % 4),
        };
    }

}
