using System.Diagnostics;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Per-frame cost of the vision stage (motion pass, blobs, three regions, health with loop search and the once-a-second
/// moved check) on pre-rendered grey frames (textured background, a running striped part, sensor noise), at
/// 320x180 and 640x360, 5 fps timestamps. Decode is not included (the capture stage measures it).
/// </summary>
internal sealed class VisionBenchmark(int frames)
{
    public void Run()
    {
        Console.WriteLine($"vision: {frames} frames per size after 300 warm-up frames, 3 regions, 5 fps timestamps, one core");
        foreach (var (width, height) in new[] { (320, 180), (640, 360) })
        {
            Measure(width, height);
        }
    }

    private void Measure(int width, int height)
    {
        var rendered = Render(width, height, 50);
        var noise = new byte[1 << 20];
        new Random(2).NextBytes(noise);
        var jitter = new Random(3);
        var camera = new CameraOptions { Name = "bench", AnalysisFps = 5 };
        camera.Regions.Add(new RegionOptions { Name = "press-1", Kind = RegionKind.Machine, Polygon = "0.35,0.30 0.65,0.30 0.65,0.80 0.35,0.80" });
        camera.Regions.Add(new RegionOptions { Name = "belt-1", Kind = RegionKind.Conveyor, Polygon = "0.02,0.60 0.30,0.60 0.30,0.95 0.02,0.95" });
        camera.Regions.Add(new RegionOptions { Name = "bench-1", Kind = RegionKind.Station, Polygon = "0.70,0.10 0.98,0.10 0.98,0.50 0.70,0.50" });
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        using var analyzer = new CameraAnalyzer(camera, new VisionOptions(), SceneReference.FromFrame(rendered[0], width, height, start));
        var times = new List<double>(frames);
        long allocated = 0;
        for (var i = 0; i < 300 + frames; i++)
        {
            using var frame = new CameraFrame("bench", i, start.AddSeconds(i / 5.0), width, height);
            // Fresh sensor noise on every frame (a live camera never repeats; the 50 base frames alone would be a loop).
            var pixels = frame.Pixels;
            var source = rendered[i % rendered.Length];
            var offset = jitter.Next(noise.Length - pixels.Length);
            for (var p = 0; p < pixels.Length; p++)
            {
                pixels[p] = (byte)Math.Clamp(source[p] + (noise[offset + p] % 7) - 3, 0, 255);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            analyzer.Process(frame);
            watch.Stop();
            if (i >= 300)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        var mean = times.Average();
        Console.WriteLine(
            $"  {width}x{height}: mean {mean:F3} ms, p50 {Percentiles.Of(times, 50):F3} ms, p99 {Percentiles.Of(times, 99):F3} ms, " +
            $"max {times.Max():F3} ms, {1000 / mean:F0} frames/s per core, {(double)allocated / frames:F0} B allocated per frame");
    }

    private static byte[][] Render(int width, int height, int count)
    {
        var background = new byte[width * height];
        var block = Math.Max(2, width / 40);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                background[(y * width) + x] = (byte)(60 + (((x / block * 7919) + (y / block * 104729)) % 120));
            }
        }

        var result = new byte[count][];
        for (var f = 0; f < count; f++)
        {
            var pixels = new byte[width * height];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var i = (y * width) + x;
                    double v = background[i];
                    if (x >= 0.40 * width && x < 0.60 * width && y >= 0.40 * height && y < 0.70 * height)
                    {
                        v = ((x + (f * 3)) / 6 % 2) == 0 ? 40 : 200;
                    }

                    pixels[i] = (byte)v;
                }
            }

            result[f] = pixels;
        }

        return result;
    }
}
