using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Agent.Vision.Counting;
using EdgeCredit.Scenes;

namespace EdgeCredit.Benchmarks.ModelsEval;

/// <summary>
/// <c>vision-models-bench</c>: the detector's cost on one core (one intra-op thread, spinning off, one calling thread):
/// whole 320x180 frames letterboxed to 320x320, region crops one run each vs batched in one run, whole frames in batches,
/// and the frame → signal path (analysis with counting per frame, then the window's signals).
/// </summary>
internal sealed class DetectorBenchmark(string model, int runs)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public void Run()
    {
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(new InferenceOptions()));
        var loaded = catalogue.Get(model);
        var frames = RenderFrames(40);
        var settings = new DetectionSettings(0.4f, 0.45f);
        Console.WriteLine($"model {model} ({new FileInfo(loaded.FilePath).Length / 1024} KB), input [{string.Join(",", loaded.Manifest.Input.Shape)}], {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        var single = new ObjectDetector(loaded, maxBatch: 1);
        Measure("whole frame 320x180 -> 320x320 (preprocess + run + decode)", runs, 1, i => single.Detect(frames[i % frames.Length], 320, 180, settings));

        PixelRect[] crops = [new(0, 90, 160, 90), new(160, 90, 160, 90), new(0, 0, 160, 90), new(160, 0, 160, 90)];
        Measure("4 region crops 160x90, one run each", runs / 4, crops.Length, i => single.Detect(frames[i % frames.Length], 320, crops, settings));
        var batched = new ObjectDetector(loaded, maxBatch: 4);
        Measure("4 region crops 160x90, batched in one run", runs / 4, crops.Length, i => batched.Detect(frames[i % frames.Length], 320, crops, settings));
        foreach (var batch in new[] { 2, 8 })
        {
            var detector = new ObjectDetector(loaded, maxBatch: batch);
            var whole = Enumerable.Repeat(new PixelRect(0, 0, 320, 180), batch).ToArray();
            Measure(string.Create(Inv, $"whole frames, batch of {batch} in one run"), Math.Max(8, runs / batch), batch, i => detector.Detect(frames[i % frames.Length], 320, whole, settings));
        }

        EndToEnd(loaded);
    }

    private static void Measure(string what, int count, int imagesPerCall, Action<int> call)
    {
        for (var i = 0; i < 5; i++)
        {
            call(i); // warm-up
        }

        var times = new List<double>(count);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            call(i);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var perImage = times.Average() / imagesPerCall;
        var cpuPerImage = cpuMs / (count * imagesPerCall);
        Console.WriteLine(string.Create(Inv, $"  {what}: {count} calls, per call mean {times.Average():0.00} ms p50 {Percentiles.Of(times, 50):0.00} p99 {Percentiles.Of(times, 99):0.00}; per image {perImage:0.00} ms wall, {cpuPerImage:0.00} ms CPU => {1000 / cpuPerImage:0} images/s per core ({1000 / perImage:0}/s wall)"));
    }

    /// <summary>Frames through the analyzer with counting (what one camera's loop does), then the window's signals.</summary>
    private static void EndToEnd(LoadedModel loaded)
    {
        var spec = SceneCatalogue.Get("conveyor").Defaults with { Set = SceneSet.Tune, Seed = 1002, Width = 320, Height = 180, Fps = 5, Seconds = 90 };
        var script = ScriptBuilder.Build(spec);
        var camera = new CameraOptions { Name = "cam-bench", AnalysisFps = 5 };
        camera.Regions.Add(new RegionOptions { Name = "conveyor-1", Kind = RegionKind.Conveyor, Polygon = script.Conveyor!.Box.ToPolygon() });
        camera.Regions.Add(new RegionOptions { Name = "station-1", Kind = RegionKind.Station, Polygon = "0.1,0.72 0.5,0.72 0.5,1 0.1,1" });
        var polygons = camera.Regions.Select(r => (r, NormalizedPolygon.TryParse(r.Polygon, out var p, out _) ? p! : null!)).ToArray();
        var counting = new CameraCounting(polygons, new DetectionOptions(), new ObjectDetector(loaded), CameraAnalyzer.TimelineSeconds);
        using var analyzer = new CameraAnalyzer(camera, new VisionOptions(), null) { Counting = counting };
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var withDetector = new List<double>();
        var without = new List<double>();
        var i = 0;
        using var renderer = new SceneRenderer(script);
        renderer.RenderGrey(
            (index, pixels) =>
            {
                using var frame = new CameraFrame("cam-bench", i, start.AddSeconds(i / 5.0), 320, 180);
                pixels.CopyTo(frame.Pixels);
                var before = counting.Runs;
                var t = Stopwatch.GetTimestamp();
                analyzer.Process(frame);
                (counting.Runs > before ? withDetector : without).Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                i++;
            },
            CancellationToken.None);
        var collect = Stopwatch.GetTimestamp();
        var signals = CameraWindowContributor.ToSignals(analyzer.Collect(start, start.AddMinutes(1))).ToArray();
        var collectMs = Stopwatch.GetElapsedTime(collect).TotalMilliseconds;
        Console.WriteLine(string.Create(Inv, $"  frame -> counts (CameraAnalyzer.Process with counting, {i} frames 320x180 at 5 fps of a rendered conveyor scene): with a detector run {withDetector.Count} frames, mean {withDetector.DefaultIfEmpty().Average():0.00} ms p99 {Percentiles.Of(withDetector, 99):0.00} ms; gated out {without.Count} frames, mean {without.DefaultIfEmpty().Average():0.00} ms"));
        Console.WriteLine(string.Create(Inv, $"  window -> signals (Collect + ToSignals for 1 min): {collectMs:0.00} ms, {signals.Length} signals ({string.Join(", ", signals.Select(s => $"{s.Source} {s.Kind} {s.Value}"))})"));
        Console.WriteLine(string.Create(Inv, $"  frame -> signal: processing {Percentiles.Of(withDetector, 99):0.0} ms (p99) after the frame arrives, then the count waits for its window to close (Agent:Window, 1 min by default: 30 s on average) before the batch goes to the outbox"));
    }

    private static byte[][] RenderFrames(int count)
    {
        var spec = SceneCatalogue.Get("normal-shift").Defaults with { Set = SceneSet.Tune, Seed = 1000, Width = 320, Height = 180, Fps = 5, Seconds = count / 5 };
        var frames = new List<byte[]>();
        using var renderer = new SceneRenderer(ScriptBuilder.Build(spec));
        renderer.RenderGrey((_, pixels) => frames.Add((byte[])pixels.Clone()), CancellationToken.None);
        return [.. frames];
    }
}
