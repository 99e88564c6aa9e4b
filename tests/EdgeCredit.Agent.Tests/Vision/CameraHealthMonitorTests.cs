using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class CameraHealthMonitorTests
{
    private const double TamperAt = 90;

    private static readonly VisionOptions Options = new();

    private static bool Schedule(double t) => t % 40 < 25;

    private static double? Walker(double t) => t % 45 < 9 ? -20 + (t % 45 * 40) : null;

    public static TheoryData<string> Tampers => ["dark", "covered", "defocused", "frozen", "looped", "moved"];

    [Theory]
    [MemberData(nameof(Tampers))]
    public void Play_TamperFromNinetySeconds_DetectedWithin30sAndNothingElse(string tamper)
    {
        var scene = Scene();
        var (analyzer, detections) = Run(scene, 180, TamperOf(tamper, scene));
        using (analyzer)
        {
            var expected = Enum.Parse<CameraCondition>(tamper, ignoreCase: true);
            Assert.True(detections.TryGetValue(expected, out var found), $"{expected} not detected; got {string.Join(", ", detections.Keys)}");
            Assert.InRange(found.DetectedAt, TamperAt, TamperAt + 30);
            Assert.InRange((found.Record.Since - VisionRun.Epoch).TotalSeconds, TamperAt - 1, TamperAt + 30);
            Assert.InRange(found.Record.Confidence, 0.5, 1);
            var allowed = tamper switch
            {
                "dark" => new[] { CameraCondition.Dark, CameraCondition.Covered },
                "covered" => [CameraCondition.Covered, CameraCondition.Frozen],
                _ => [expected],
            };
            Assert.All(detections, d => Assert.Contains(d.Key, allowed));
            Assert.All(detections.Values, d => Assert.True(d.DetectedAt >= TamperAt, $"{d.Record.Condition} at {d.DetectedAt} s, before the tamper"));
        }
    }

    [Fact]
    public void Play_LensMostlyCoveredLeavingAStripOfScene_CoveredThoughThePicturesContrastIsHigh()
    {
        // A light cover (grey 200, sensor noise) over the left 85 % of the view, the scene (grey levels about 60-120)
        // still in the right 15 %: the picture's standard deviation is far above CoveredContrast, the cover is flat.
        var scene = Scene();
        var (analyzer, detections) = Run(scene, 150, (t, _, pixels) =>
        {
            if (t < TamperAt)
            {
                return;
            }

            var w = scene.Width;
            for (var i = 0; i < pixels.Length; i++)
            {
                if (i % w < w * 85 / 100)
                {
                    pixels[i] = (byte)(199 + ((i * 7) % 3));
                }
            }
        });
        using (analyzer)
        {
            Assert.True(detections.TryGetValue(CameraCondition.Covered, out var found), $"not covered; got {string.Join(", ", detections.Keys)}");
            Assert.InRange(found.DetectedAt, TamperAt, TamperAt + 30);
            Assert.DoesNotContain(CameraCondition.Defocused, detections.Keys);
        }
    }

    [Fact]
    public void Play_NormalTenMinutesWithRunningWalkersLightingAndNoise_NoCondition()
    {
        var flicker = new Random(11);
        var scene = Scene();
        scene.Gain = t => (t switch { < 150 => 1.0, < 300 => 1.3, < 450 => 0.75, _ => 1.0 }) * (1 + (0.1 * ((flicker.NextDouble() * 2) - 1)));
        var (analyzer, detections) = Run(scene, 600, null);
        using (analyzer)
        {
            Assert.Empty(detections);
            Assert.NotNull(analyzer.Monitor!.Reference);
        }
    }

    [Fact]
    public void Play_NoReference_AdoptsOneAndStillDetectsMoved()
    {
        var scene = Scene();
        scene.Shift = t => t >= TamperAt ? 24 : 0;
        var detections = new Dictionary<CameraCondition, double>();
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        VisionRun.Play(analyzer, scene, 150, each: t =>
        {
            foreach (var c in analyzer.TakeConditionChanges())
            {
                detections.TryAdd(c.Condition, t);
            }
        });

        Assert.Equal(Options.AutoReferenceAfter.TotalSeconds, (analyzer.Monitor!.Reference!.CapturedAt - VisionRun.Epoch).TotalSeconds, 0.5);
        Assert.Equal([CameraCondition.Moved], detections.Keys);
        Assert.InRange(detections[CameraCondition.Moved], TamperAt, TamperAt + 30);
    }

    [Fact]
    public void SetLink_OfflineThenStreaming_OfflineConditionWithStartAndEnd()
    {
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        VisionRun.Play(analyzer, Scene(), 10);
        var down = VisionRun.Epoch.AddSeconds(10);

        analyzer.SetLink(new CameraLinkChange("cam-1", CameraLinkState.Offline, down, "ffmpeg exited"));
        analyzer.SetLink(new CameraLinkChange("cam-1", CameraLinkState.Streaming, down.AddSeconds(20), "streaming"));

        var changes = analyzer.TakeConditionChanges();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(CameraCondition.Offline, c.Condition));
        Assert.Equal(down, changes[0].Since);
        Assert.Null(changes[0].Until);
        Assert.Equal(down.AddSeconds(20), changes[1].Until);
    }

    [Fact]
    public void Play_ReplayOfRunningFootageFoundLater_LoopedSinceTheRepeatAndTheReplayWithdrawn()
    {
        // The machine runs until 80 s and stands from then on; from 90 s a recorder loops the 20 s of running footage
        // from 55 to 75 s. The agent sees the machine start again, until the loop is found: then the condition starts
        // where the repeat began (90 s, not when the smoothed evidence settled) and is confirmed ConfirmFor after it (the
        // copies held that long), and the seconds since are no evidence
        // of running: the region is back to idle from 90 s, with a change that says so.
        var scene = new SyntheticScene { Running = t => t < 80, NoiseSigma = 3 };
        var (analyzer, detections) = Run(scene, 140, Recording(from: 55, seconds: 20));
        using (analyzer)
        {
            var looped = detections[CameraCondition.Looped];
            Assert.Equal(TamperAt, (looped.Record.Since - VisionRun.Epoch).TotalSeconds, 0.5);
            Assert.InRange(looped.DetectedAt, TamperAt + Options.ConfirmFor.TotalSeconds, TamperAt + Options.ConfirmFor.TotalSeconds + 0.5);
            Assert.InRange(looped.Record.Confidence, 0.9, 1); // exact copies, though the smoothed evidence has only just crossed
            var timeline = analyzer.Regions[0].Timeline;
            Assert.Equal(0, timeline.Count(VisionRun.Second(TamperAt), VisionRun.Second(140), SecondFlags.Active));
            Assert.Equal(0, timeline.Count(VisionRun.Second(80), VisionRun.Second(140), SecondFlags.Running));
            Assert.False(analyzer.Regions[0].Running);
            var last = analyzer.TakeStateChanges()[^1];
            Assert.False(last.Running);
            Assert.Equal(TamperAt, (last.At - VisionRun.Epoch).TotalSeconds, 0.5);
        }
    }

    [Fact]
    public void Play_MachineStopsThenAReEncodedRecordingOfItRunningLoops_ReplayWithdrawnFromItsFirstPassAndTheStopKept()
    {
        // The machine stops at 88 s. From 90 s a recording of the 4 s before (86-90 s: two running, two standing) loops,
        // re-encoded: each of its frames is a grey level brighter than what it copies, so its first pass matches the live
        // original only roughly, and only its later passes repeat exactly. The loop is shorter than LoopMinPeriod: found
        // at twice its period, traced at its own.
        var scene = new SyntheticScene { Running = t => t < 88, NoiseSigma = 3 };
        var (analyzer, detections) = Run(scene, 140, Recording(from: 86, seconds: 4, brighter: 1));
        using (analyzer)
        {
            var looped = detections[CameraCondition.Looped];
            Assert.Equal(TamperAt + 4, (looped.Record.Since - VisionRun.Epoch).TotalSeconds, 0.5); // the second pass repeats the first
            var timeline = analyzer.Regions[0].Timeline;
            Assert.Equal(0, timeline.Count(VisionRun.Second(88), VisionRun.Second(140), SecondFlags.Running));
            Assert.Equal(0, timeline.Count(VisionRun.Second(TamperAt), VisionRun.Second(140), SecondFlags.Active));
            var last = analyzer.TakeStateChanges()[^1];
            Assert.False(last.Running);
            Assert.Equal(88, (last.At - VisionRun.Epoch).TotalSeconds, 0.5);
        }
    }

    internal static SyntheticScene Scene() => new() { Running = Schedule, Walker = Walker, NoiseSigma = 3 };

    private static (CameraAnalyzer Analyzer, Dictionary<CameraCondition, (double DetectedAt, CameraConditionRecord Record)> Detections) Run(SyntheticScene scene, double seconds, FrameTamper? tamper)
    {
        var first = new byte[scene.Width * scene.Height];
        scene.Render(0, first);
        var reference = SceneReference.FromFrame(first, scene.Width, scene.Height, VisionRun.Epoch);
        var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, reference);
        var detections = new Dictionary<CameraCondition, (double, CameraConditionRecord)>();
        VisionRun.Play(analyzer, scene, seconds, tamper: tamper ?? ((_, _, _) => { }), each: t =>
        {
            foreach (var c in analyzer.TakeConditionChanges())
            {
                detections.TryAdd(c.Condition, (t, c));
            }
        });
        return (analyzer, detections);
    }

    /// <summary>
    /// From <see cref="TamperAt"/> on, a recording of the <paramref name="seconds"/> from <paramref name="from"/> loops (5
    /// frames a second), each of its frames <paramref name="brighter"/> grey levels above what it copies (a re-encoded
    /// copy: 0, an exact one).
    /// </summary>
    private static FrameTamper Recording(double from, int seconds, int brighter = 0) => (t, history, pixels) =>
    {
        if (t < TamperAt)
        {
            return;
        }

        var i = (int)Math.Round(t * 5) - (int)(TamperAt * 5);
        var original = history[(int)(from * 5) + (i % (seconds * 5))];
        for (var p = 0; p < pixels.Length; p++)
        {
            pixels[p] = (byte)Math.Min(255, original[p] + brighter);
        }
    };

    private static FrameTamper? TamperOf(string tamper, SyntheticScene scene)
    {
        switch (tamper)
        {
            case "dark":
                scene.Gain = t => t >= TamperAt ? 0.08 : 1;
                return null;
            case "covered":
                scene.Covered = t => t >= TamperAt;
                return null;
            case "defocused":
                scene.Blur = t => t >= TamperAt ? 3 : 0;
                return null;
            case "moved":
                scene.Shift = t => t >= TamperAt ? 24 : 0;
                return null;
            case "frozen":
                return (t, history, pixels) =>
                {
                    if (t >= TamperAt)
                    {
                        history[(int)(TamperAt * 5) - 1].CopyTo(pixels);
                    }
                };
            case "looped":
                // From 90 s a recorder replays the 20 s before it, again and again.
                return Recording(from: TamperAt - 20, seconds: 20);
            default:
                throw new ArgumentOutOfRangeException(nameof(tamper), tamper, "unknown tamper");
        }
    }
}
