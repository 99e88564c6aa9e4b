using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class RegionActivityTests
{
    private static readonly VisionOptions Options = new();

    /// <summary>Idle 0-60, run 60-180, idle 180-240, run 240-400, idle 400-600 (seconds).</summary>
    private static bool Schedule(double t) => t is >= 60 and < 180 or >= 240 and < 400;

    /// <summary>Crosses the whole view (320 px) at 40 px/s every 30 s, starting at 10 s.</summary>
    private static double? Walker(double t)
    {
        var into = (t - 10) % 30;
        return t < 10 || into > 9 ? null : -20 + (into * 40);
    }

    [Fact]
    public void Play_MachineRunsAndStops_RunningStateRightForNearlyEverySecond()
    {
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = Schedule, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 600);

        var region = analyzer.Regions[0];
        Assert.True(VisionRun.Agreement(region, Schedule, 0, 599) >= 0.98, $"agreement {VisionRun.Agreement(region, Schedule, 0, 599):P1}");
        var changes = analyzer.TakeStateChanges();
        Assert.Equal([true, false, true, false], changes.Select(c => c.Running));
        Assert.All(changes.Zip([60, 180, 240, 400]), p => Assert.InRange((p.First.At - VisionRun.Epoch).TotalSeconds, p.Second - 2, p.Second + 2));
    }

    [Fact]
    public void Play_PersonWalksAcrossStoppedMachine_NeverRunning()
    {
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Walker = Walker, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 300);

        var region = analyzer.Regions[0];
        Assert.Equal(0, region.Timeline.Count(VisionRun.Second(0), VisionRun.Second(300), SecondFlags.Running));
        Assert.Empty(analyzer.TakeStateChanges());
    }

    [Fact]
    public void Play_PersonWalksAcrossWithoutPassingMotionRejection_WalkerIsSeenAsMotion()
    {
        // The same walker with the nuisance rejection switched off (a station's default) does move the region: the
        // rejection above is what keeps it out, not a blind detector.
        using var analyzer = new CameraAnalyzer(VisionRun.Camera(5, ("desk", RegionKind.Station, SyntheticScene.MachinePolygon)), Options, null);
        var scene = new SyntheticScene { Walker = Walker, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 120);

        Assert.True(analyzer.Regions[0].Timeline.Count(VisionRun.Second(0), VisionRun.Second(120), SecondFlags.Active) >= 8);
    }

    [Fact]
    public void Play_RunningMachineWithPeoplePassing_StaysRunning()
    {
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = Schedule, Walker = Walker, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 600);

        Assert.True(VisionRun.Agreement(analyzer.Regions[0], Schedule, 0, 599) >= 0.98, $"agreement {VisionRun.Agreement(analyzer.Regions[0], Schedule, 0, 599):P1}");
    }

    [Fact]
    public void Play_LightingStepsFlickerAndNoise_NeverRunning()
    {
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var flicker = new Random(7);
        var scene = new SyntheticScene
        {
            NoiseSigma = 5,
            Gain = t => (t switch { < 60 => 1.0, < 120 => 1.5, < 180 => 0.6, < 240 => 1.2, _ => 0.8 }) * (1 + (0.15 * ((flicker.NextDouble() * 2) - 1))),
        };

        VisionRun.Play(analyzer, scene, 300);

        var region = analyzer.Regions[0];
        Assert.Equal(0, region.Timeline.Count(VisionRun.Second(0), VisionRun.Second(300), SecondFlags.Running));
        Assert.True(region.Timeline.Count(VisionRun.Second(0), VisionRun.Second(300), SecondFlags.Active) <= 3);
    }

    [Fact]
    public void Play_RunningMachineUnderFlickerAndSteps_RunningStateRight()
    {
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var flicker = new Random(3);
        var scene = new SyntheticScene
        {
            Running = Schedule,
            NoiseSigma = 4,
            Gain = t => (t switch { < 100 => 1.0, < 300 => 1.4, < 450 => 0.7, _ => 1.0 }) * (1 + (0.1 * ((flicker.NextDouble() * 2) - 1))),
        };

        VisionRun.Play(analyzer, scene, 600);

        Assert.True(VisionRun.Agreement(analyzer.Regions[0], Schedule, 0, 599) >= 0.98, $"agreement {VisionRun.Agreement(analyzer.Regions[0], Schedule, 0, 599):P1}");
    }

    [Fact]
    public void Play_HeavyNoiseOnStoppedMachine_NeverActive()
    {
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { NoiseSigma = 12 };

        VisionRun.Play(analyzer, scene, 120);

        Assert.Equal(0, analyzer.Regions[0].Timeline.Count(VisionRun.Second(0), VisionRun.Second(120), SecondFlags.Active));
    }

    [Fact]
    public void Play_WorkerStandsAtStoppedMachineWorkingWithArms_NeverRunning()
    {
        // Walks in, stands 30 s in front of the machine moving the arms, walks on: the arms are the worker's, not the
        // machine's (a whole-region hold of a few seconds after the walk let them count as running).
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Walker = t => t switch { < 10 => null, < 14 => -20 + ((t - 10) * 40), < 44 => 140, < 49 => 140 + ((t - 44) * 40), _ => null }, Arms = t => t is >= 14 and < 44, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 90);

        var region = analyzer.Regions[0];
        Assert.Equal(0, region.Timeline.Count(VisionRun.Second(0), VisionRun.Second(90), SecondFlags.Running));
        Assert.Empty(analyzer.TakeStateChanges());
    }

    [Fact]
    public void Play_MachineStartsWhileWorkerStandsAtItsEdge_RunningFromTheStart()
    {
        // The worker stands across the region's left edge all the while: only the worker's columns (widened by a third
        // of the worker's height) are hidden, not the whole region, and the part beyond them shows the start.
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = t => t >= 30, Walker = t => t is >= 15 and < 70 ? 96 : null, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 80);

        var change = Assert.Single(analyzer.TakeStateChanges());
        Assert.True(change.Running);
        Assert.InRange((change.At - VisionRun.Epoch).TotalSeconds, 29, 31);
    }

    [Fact]
    public void Play_MachineStartsThenLensCoveredBeforeTheEnterSpan_RunningSettledFromTheStart()
    {
        // Running from 50 s, covered from 53 s: fewer known seconds than EnterFor, but the tail is settled on them when
        // the picture goes blind instead of being left idle.
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = t => t >= 50, Covered = t => t >= 53, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 60);

        var change = Assert.Single(analyzer.TakeStateChanges());
        Assert.True(change.Running);
        Assert.Equal(50, (change.At - VisionRun.Epoch).TotalSeconds, 0.5);
        Assert.Equal(3, analyzer.Regions[0].Timeline.Count(VisionRun.Second(50), VisionRun.Second(53), SecondFlags.Running));
    }

    [Fact]
    public void Play_MachineStopsWhileWalkerHidesIt_StopPutHalfWayIntoTheHiddenSeconds()
    {
        // Stops at 40 s; a worker stands in front of the whole part from 38 to 46 s: the seconds hidden between the last
        // running evidence and the first quiet one are split, so the stop lands within the hidden stretch.
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var wide = new SyntheticScene { Running = t => t is >= 10 and < 40, Walker = t => t is >= 38 and < 46 ? 110 : null, NoiseSigma = 3 };

        VisionRun.Play(analyzer, wide, 70);

        var changes = analyzer.TakeStateChanges();
        Assert.Equal([true, false], changes.Select(c => c.Running));
        Assert.InRange((changes[1].At - VisionRun.Epoch).TotalSeconds, 38, 46);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // the whole part covered: the stop is put half-way into the hidden seconds
    public void Observe_MachineStopsBehindAWorkerWhoLeavesAGlimpseOfItsPart_StoppedWhenNothingMovesThereAnyMore(bool glimpse)
    {
        // A machine (cells x 20..59, rows 10..34) runs in full view and learns its part (x 24..31, rows 18..25); a worker
        // masked by body covers 7 (or all 8) of the part's columns from 7 s to 22 s; the machine stops at 10 s.
        var (grid, coverage) = RegionMotionTests.Region();
        var part = RegionMotionTests.Part(grid);

        var motion = new RegionMotion(grid, coverage, RegionKind.Machine, Options.NuisanceHold);
        var activity = new RegionActivity("cam", RegionSettings.For("lathe", RegionKind.Machine, Options), motion, 64);
        var blobs = new MotionBlobs(grid);
        var still = new int[grid.Count];
        var (worker, covered) = RegionMotionTests.Body(grid, 22, glimpse ? 31 : 32);

        for (var i = 0; i < 26 * 5; i++)
        {
            var t = i / 5.0;
            var at = VisionRun.Epoch.AddSeconds(t);
            var counts = t < 10 ? part : still;
            blobs.Label(counts);
            if (t is >= 7 and < 22)
            {
                motion.Evaluate(blobs, counts, at, activity.Running, worker, covered);
            }
            else
            {
                motion.Evaluate(blobs, counts, at, activity.Running);
            }

            activity.Observe(at, usable: true);
            motion.LearnPart(blobs, activity.Running);
        }

        activity.FlushBefore(VisionRun.Second(26));
        var changes = activity.TakeChanges();
        Assert.Equal([true, false], changes.Select(c => c.Running));
        var stop = (changes[1].At - VisionRun.Epoch).TotalSeconds;
        if (glimpse)
        {
            // The first still glimpse is at 10 s; in the hidden seconds before it the glimpse still moved (Stirring).
            Assert.Equal(10, stop);
        }
        else
        {
            Assert.Equal(14, stop); // half-way between the last running second seen (6) and the first still one (22)
        }
    }

    [Fact]
    public void Play_MachineRunningWhenTheStreamStartsStopsBeforeTheEnterSpan_RunningFromTheFirstSecond()
    {
        // Nothing is known of the state before the first frame: the first two agreeing seconds set it. A run of four
        // seconds at the start is shorter than EnterFor (6 s) and used to be reported idle.
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = t => t < 4, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 30);

        var changes = analyzer.TakeStateChanges();
        Assert.Equal([true, false], changes.Select(c => c.Running));
        Assert.Equal(0, (changes[0].At - VisionRun.Epoch).TotalSeconds, 0.5);
        Assert.Equal(4, (changes[1].At - VisionRun.Epoch).TotalSeconds, 0.5);
        Assert.Equal(4, analyzer.Regions[0].Timeline.Count(VisionRun.Second(0), VisionRun.Second(30), SecondFlags.Running));
    }

    [Fact]
    public void Play_IdleWhenTheStreamStarts_NoChangeReported()
    {
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = t => t >= 20, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 40);

        var change = Assert.Single(analyzer.TakeStateChanges());
        Assert.True(change.Running);
        Assert.Equal(20, (change.At - VisionRun.Epoch).TotalSeconds, 0.5);
    }

    [Fact]
    public void SetLink_StreamEndsTwoSecondsAfterAStart_LastSecondDecidedAndTheStartSettled()
    {
        // Running from 28 s, the stream ends at 30 s: the second the link dropped in (29) has all its frames, so it is
        // decided before the tail is settled, and the two running seconds switch the state.
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = t => t >= 28, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 30);
        analyzer.SetLink(new CameraLinkChange("cam-1", CameraLinkState.Offline, VisionRun.Epoch.AddSeconds(30), "end of stream"));

        var change = Assert.Single(analyzer.TakeStateChanges());
        Assert.True(change.Running);
        Assert.Equal(28, (change.At - VisionRun.Epoch).TotalSeconds, 0.5);
        Assert.Equal(2, analyzer.Regions[0].Timeline.Count(VisionRun.Second(28), VisionRun.Second(30), SecondFlags.Running));
    }

    [Fact]
    public void SetLink_StreamEndsOneSecondAfterAStart_TheLastSecondStartsIt()
    {
        // Running from 29 s, the stream ends at 30 s: the one known second of the new state is all the evidence there
        // will be, and it decides the tail (it used to take two, and a start in the last second was lost).
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = t => t >= 29, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 30);
        analyzer.SetLink(new CameraLinkChange("cam-1", CameraLinkState.Offline, VisionRun.Epoch.AddSeconds(30), "end of stream"));

        var change = Assert.Single(analyzer.TakeStateChanges());
        Assert.True(change.Running);
        Assert.Equal(29, (change.At - VisionRun.Epoch).TotalSeconds, 0.5);
        Assert.Equal(1, analyzer.Regions[0].Timeline.Count(VisionRun.Second(28), VisionRun.Second(30), SecondFlags.Running));
    }

    [Fact]
    public void Play_MachineStopsOneSecondBeforeTheLensIsCovered_StoppedInThatSecond()
    {
        // Running 10-39 s, covered from 40 s: the quiet second 39 is the last evidence before the picture goes blind.
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene { Running = t => t is >= 10 and < 39, Covered = t => t >= 40, NoiseSigma = 3 };

        VisionRun.Play(analyzer, scene, 50);

        var changes = analyzer.TakeStateChanges();
        Assert.Equal([true, false], changes.Select(c => c.Running));
        Assert.Equal(39, (changes[1].At - VisionRun.Epoch).TotalSeconds, 0.5);
        Assert.Equal(0, analyzer.Regions[0].Timeline.Count(VisionRun.Second(39), VisionRun.Second(40), SecondFlags.Running));
    }

    [Fact]
    public void Play_MachineStopsThenACoverSlidesOverTheLens_TheCoverIsNoEvidenceOfRunning()
    {
        // Running 10-38 s; from 40 s a cover slides in from the left over 0.8 s, sweeping across the machine, and hides
        // the lens from 40.8 s. The frames that led into the blind picture are dropped: the stop stands at 39 s.
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene
        {
            Running = t => t is >= 10 and < 39,
            CoverShare = t => (t - 40) / 0.8,
            NoiseSigma = 3,
        };

        VisionRun.Play(analyzer, scene, 50);

        var changes = analyzer.TakeStateChanges();
        Assert.Equal([true, false], changes.Select(c => c.Running));
        Assert.Equal(39, (changes[1].At - VisionRun.Epoch).TotalSeconds, 0.5);
        Assert.Equal(0, analyzer.Regions[0].Timeline.Count(VisionRun.Second(39), VisionRun.Second(50), SecondFlags.Running));
    }

    [Fact]
    public void Play_MachineStartsTheCameraShakesThenThePictureFreezes_TheSecondsWithoutEvidenceRunToo()
    {
        // Starts at 30 s; from 31 s the camera shakes on every frame (no frame is evidence); the picture freezes at 36 s.
        // The one known running second settles the start when the evidence stops, and the seconds held without evidence
        // after it take the new state, as they do when a span decides (they were left idle).
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), Options, null);
        var scene = new SyntheticScene
        {
            Running = t => t >= 30,
            Shift = t => t >= 31 && (int)Math.Round(t * 5) % 2 == 1 ? 8 : 0,
            NoiseSigma = 3,
        };

        VisionRun.Play(analyzer, scene, 45, tamper: (t, history, pixels) =>
        {
            if (t >= 36)
            {
                history[(36 * 5) - 1].CopyTo(pixels);
            }
        });

        var change = Assert.Single(analyzer.TakeStateChanges());
        Assert.True(change.Running);
        Assert.Equal(30, (change.At - VisionRun.Epoch).TotalSeconds, 0.5);
        var timeline = analyzer.Regions[0].Timeline;
        Assert.Equal(0, timeline.Count(VisionRun.Second(31), VisionRun.Second(36), SecondFlags.Active));
        Assert.Equal(6, timeline.Count(VisionRun.Second(30), VisionRun.Second(36), SecondFlags.Running));
    }
}
