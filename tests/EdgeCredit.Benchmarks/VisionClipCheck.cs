using System.Diagnostics;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Runs the vision stage over a real clip once (Debian ffmpeg decodes it to grey 320-wide frames at 5 fps, as the
/// capture stage does), with one whole-view station region, and prints the conditions it reported and the share of
/// active seconds: on ordinary footage there should be no moved, frozen or looped. <c>loops</c> &gt; 0 plays the clip
/// that many extra times back to back (a recording replayed: looped is expected).
/// </summary>
internal sealed class VisionClipCheck(string path, int loops)
{
    public async Task RunAsync()
    {
        var (width, height) = (320, 0);
        var probe = Process.Start(new ProcessStartInfo("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", path]) { RedirectStandardOutput = true })!;
        var size = (await probe.StandardOutput.ReadToEndAsync()).Trim().Split(',');
        await probe.WaitForExitAsync();
        height = (int)Math.Round(320.0 * int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture) / int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture) / 2) * 2;
        var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-v", "error", "-stream_loop", loops.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", path, "-vf", $"fps=5,scale={width}:{height}", "-f", "rawvideo", "-pix_fmt", "gray", "-"]) { RedirectStandardOutput = true })!;
        var camera = new CameraOptions { Name = "clip", AnalysisFps = 5 };
        camera.Regions.Add(new RegionOptions { Name = "view", Kind = RegionKind.Station, Polygon = "0.05,0.05 0.95,0.05 0.95,0.95 0.05,0.95" });
        using var analyzer = new CameraAnalyzer(camera, new VisionOptions(), null);
        var start = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
        var buffer = new byte[width * height];
        var stream = ffmpeg.StandardOutput.BaseStream;
        long index = 0;
        while (await ReadFrameAsync(stream, buffer))
        {
            using var frame = new CameraFrame("clip", index, start.AddSeconds(index / 5.0), width, height);
            buffer.CopyTo(frame.Pixels);
            analyzer.Process(frame);
            index++;
        }

        await ffmpeg.WaitForExitAsync();
        var seconds = (int)Math.Ceiling(index / 5.0);
        var window = analyzer.Collect(start, start.AddSeconds(seconds + 1));
        var view = window.Regions[0];
        Console.WriteLine($"{Path.GetFileName(path)}: {index} frames ({width}x{height}, {seconds} s), active {view.ActiveSeconds}/{view.ObservedSeconds} s, healthy {window.HealthySeconds}/{window.KnownSeconds} s, reference adopted: {analyzer.Monitor?.Reference is not null}");
        foreach (var c in analyzer.TakeConditionChanges())
        {
            Console.WriteLine($"  {c.Condition} since {(c.Since - start).TotalSeconds:F1} s until {(c.Until is { } u ? $"{(u - start).TotalSeconds:F1} s" : "end")}, confidence {c.Confidence}");
        }
    }

    private static async Task<bool> ReadFrameAsync(Stream stream, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read));
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
