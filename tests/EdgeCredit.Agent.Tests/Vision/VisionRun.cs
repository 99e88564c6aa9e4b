using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Agent.Tests.Vision;

/// <summary>Feeds a <see cref="SyntheticScene"/> to a <see cref="CameraAnalyzer"/> frame by frame, with optional frame tampering.</summary>
internal delegate void FrameTamper(double t, List<byte[]> history, Span<byte> pixels);

internal static class VisionRun
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static CameraOptions Camera(double fps = 5, params (string Name, RegionKind Kind, string Polygon)[] regions)
    {
        var camera = new CameraOptions { Name = "cam-1", AnalysisFps = fps };
        foreach (var (name, kind, polygon) in regions)
        {
            camera.Regions.Add(new RegionOptions { Name = name, Kind = kind, Polygon = polygon });
        }

        return camera;
    }

    public static CameraOptions MachineCamera() => Camera(5, ("press-1", RegionKind.Machine, SyntheticScene.MachinePolygon));

    /// <summary>
    /// Renders <paramref name="seconds"/> of the scene at the camera's rate into the analyzer. <paramref name="tamper"/>
    /// may rewrite a frame's pixels given (t, the frames played so far).
    /// </summary>
    public static void Play(CameraAnalyzer analyzer, SyntheticScene scene, double seconds, double fps = 5, FrameTamper? tamper = null, Action<double>? each = null)
    {
        var history = new List<byte[]>();
        var frames = (int)Math.Round(seconds * fps);
        for (var i = 0; i < frames; i++)
        {
            var t = i / fps;
            using var frame = new CameraFrame(analyzer.Camera, i, Epoch.AddSeconds(t), scene.Width, scene.Height);
            var pixels = frame.Pixels;
            scene.Render(t, pixels);
            if (tamper is not null)
            {
                tamper(t, history, pixels);
                history.Add(pixels.ToArray());
            }

            analyzer.Process(frame);
            each?.Invoke(t);
        }
    }

    public static long Second(double t) => Epoch.AddSeconds(t).ToUnixTimeSeconds();

    /// <summary>Share of whole seconds in [from, to) whose Running flag equals the truth at the middle of the second.</summary>
    public static double Agreement(RegionActivity region, Func<double, bool> truth, int from, int to)
    {
        var right = 0;
        for (var s = from; s < to; s++)
        {
            var running = (region.Timeline.Get(Second(s)) & SecondFlags.Running) != 0;
            right += running == truth(s + 0.5) ? 1 : 0;
        }

        return (double)right / (to - from);
    }
}
