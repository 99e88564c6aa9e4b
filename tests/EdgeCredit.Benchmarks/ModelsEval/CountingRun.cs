using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Agent.Vision.Counting;
using EdgeCredit.Scenes;

namespace EdgeCredit.Benchmarks.ModelsEval;

/// <summary>What the agent's vision + counting said about one clip, per second from its start.</summary>
internal sealed record CountingRun(
    string Clip,
    int Seconds,
    long Frames,
    long DetectorRuns,
    TimeSpan InferenceTime,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, int[]> CountsPerSecond,
    IReadOnlyDictionary<string, bool[]> OccupiedPerSecond,
    IReadOnlyDictionary<string, double[]> PeoplePerSecond,
    IReadOnlyList<(double Time, int Items, int People)> DetectionsPerRun)
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Decodes the clip at 320x180 grey and <paramref name="fps"/> (the agent's defaults), analyses every frame with a commissioned reference and counting, and reads each second back.</summary>
    public static CountingRun Play(string clip, string path, IReadOnlyList<RegionOptions> regions, DetectionOptions detection, ObjectDetector detector, double fps = 5)
    {
        var camera = new CameraOptions { Name = "cam-eval", AnalysisFps = fps, AnalysisWidth = 320 };
        foreach (var region in regions)
        {
            camera.Regions.Add(region);
        }

        var polygons = regions.Select(r => (r, NormalizedPolygon.TryParse(r.Polygon, out var p, out var problem) ? p! : throw new ArgumentException(problem))).ToArray();
        var counting = new CameraCounting(polygons, detection, detector, CameraAnalyzer.TimelineSeconds);
        CameraAnalyzer? analyzer = null;
        var stopwatch = Stopwatch.StartNew();
        long frames = 0;
        var runs = new List<(double, int, int)>();
        long lastRuns = 0;
        try
        {
            foreach (var pixels in FfmpegGreyReader.Frames(path, 320, 180, string.Create(CultureInfo.InvariantCulture, $"fps={fps},scale=320:180")))
            {
                var at = Start + TimeSpan.FromTicks((long)Math.Round(frames * TimeSpan.TicksPerSecond / fps));
                using var frame = new CameraFrame(camera.Name, frames, at, 320, 180);
                pixels.CopyTo(frame.Pixels);
                if (analyzer is null)
                {
                    analyzer = new CameraAnalyzer(camera, new VisionOptions(), SceneReference.FromFrame(frame.Pixels, 320, 180, at)) { Counting = counting };
                }

                analyzer.Process(frame);
                if (counting.Runs != lastRuns)
                {
                    lastRuns = counting.Runs;
                    runs.Add(((at - Start).TotalSeconds, counting.LastDetections.Count(d => d.Name == detection.ItemLabel), counting.LastDetections.Count(d => d.Name == detection.PersonLabel)));
                }

                frames++;
            }

            var seconds = (int)Math.Ceiling(frames / fps);
            var first = Start.ToUnixTimeSeconds();
            var counts = new Dictionary<string, int[]>();
            var occupied = new Dictionary<string, bool[]>();
            var people = new Dictionary<string, double[]>();
            foreach (var counter in counting.Counters)
            {
                var perSecond = Enumerable.Range(0, seconds).Select(s => counter.Collect(first + s, first + s + 1)).ToArray();
                counts[counter.Name] = [.. perSecond.Select(w => w.Count)];
                occupied[counter.Name] = [.. perSecond.Select(w => w.OccupiedSeconds > 0)];
                people[counter.Name] = [.. perSecond.Select(w => w.PeopleAverage)];
            }

            return new CountingRun(clip, seconds, frames, counting.Runs, counting.InferenceTime, stopwatch.Elapsed, counts, occupied, people, runs);
        }
        finally
        {
            analyzer?.Dispose();
        }
    }
}
