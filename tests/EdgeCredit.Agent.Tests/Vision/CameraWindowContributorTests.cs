using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class CameraWindowContributorTests
{
    private static readonly VisionOptions Options = new();

    private static bool Schedule(double t) => t is >= 60 and < 180;

    [Fact]
    public void Collect_MachineRunsForTwoWindows_RunningSecondsActivityAndHealthPerWindow()
    {
        using var analyzer = new CameraAnalyzer(TwoRegionCamera(), Options, null);
        VisionRun.Play(analyzer, new SyntheticScene { Running = Schedule }, 240);

        var windows = Enumerable.Range(0, 4).Select(i => Signals(analyzer, i * 60, (i + 1) * 60)).ToArray();

        double[] expectedRunning = [0, 60, 60, 0];
        for (var i = 0; i < 4; i++)
        {
            var running = Assert.Single(windows[i], s => s.Kind == SignalKind.RunningSeconds);
            Assert.Equal("press-1", running.Source);
            Assert.Equal("s", running.Unit);
            Assert.InRange(running.Value, expectedRunning[i] - 2, expectedRunning[i] + 2);
            Assert.Equal(VisionRun.Epoch.AddSeconds(i * 60), running.Start);
            Assert.Equal(VisionRun.Epoch.AddSeconds((i + 1) * 60), running.End);
            var activity = Assert.Single(windows[i], s => s.Kind == SignalKind.ActivityIndex && s.Source == "press-1");
            Assert.Equal("ratio", activity.Unit);
            Assert.InRange(activity.Value, (expectedRunning[i] / 60) - 0.05, (expectedRunning[i] / 60) + 0.05);
            Assert.Equal(0, Assert.Single(windows[i], s => s.Kind == SignalKind.HiddenSeconds && s.Source == "press-1").Value); // nobody in front of it
            Assert.DoesNotContain(windows[i], s => s.Kind is SignalKind.RunningSeconds or SignalKind.HiddenSeconds && s.Source == "bench");
            Assert.Equal(0, Assert.Single(windows[i], s => s.Kind == SignalKind.ActivityIndex && s.Source == "bench").Value);
            var health = Assert.Single(windows[i], s => s.Kind == SignalKind.CameraHealth);
            Assert.Equal(("cam-1", 1.0, "ratio"), (health.Source, health.Value, health.Unit));
            Assert.All(windows[i], s => Assert.Equal(SignalQuality.Good, s.Quality));
        }

        var batch = new SignalBatch { Version = SignalBatch.CurrentVersion, Enterprise = "e", Device = "d", Sequence = 1, SentAt = VisionRun.Epoch.AddSeconds(240), Signals = [.. windows.SelectMany(w => w)] };
        Assert.True(SignalBatchParser.Check(batch).IsValid);
    }

    [Fact]
    public void Collect_WindowWithoutFrames_NoSignals()
    {
        using var analyzer = new CameraAnalyzer(TwoRegionCamera(), Options, null);
        VisionRun.Play(analyzer, new SyntheticScene { Running = _ => true }, 60);

        Assert.Empty(Signals(analyzer, 120, 180));
    }

    [Fact]
    public void Collect_FramesForHalfTheWindow_SignalsCoverOnlyAnalysedTimeFlaggedGap()
    {
        using var analyzer = new CameraAnalyzer(TwoRegionCamera(), Options, null);
        VisionRun.Play(analyzer, new SyntheticScene { Running = _ => true }, 90);

        var signals = Signals(analyzer, 60, 120);

        var running = Assert.Single(signals, s => s.Kind == SignalKind.RunningSeconds);
        Assert.InRange(running.Value, 29, 30);
        Assert.Equal(SignalQuality.Gap, running.Quality);
        Assert.Equal(1, Assert.Single(signals, s => s.Kind == SignalKind.ActivityIndex && s.Source == "press-1").Value, 2);
        Assert.Equal(SignalQuality.Gap, Assert.Single(signals, s => s.Kind == SignalKind.CameraHealth).Quality);
    }

    [Fact]
    public void Collect_CameraOfflineForHalfTheWindow_HealthHalfAndRegionsOnlyOnlineTime()
    {
        using var analyzer = new CameraAnalyzer(TwoRegionCamera(), Options, null);
        VisionRun.Play(analyzer, new SyntheticScene { Running = _ => true }, 90);
        analyzer.SetLink(new CameraLinkChange("cam-1", CameraLinkState.Offline, VisionRun.Epoch.AddSeconds(90), "stream ended"));

        var signals = Signals(analyzer, 60, 120);

        var health = Assert.Single(signals, s => s.Kind == SignalKind.CameraHealth);
        Assert.Equal(0.5, health.Value, 2);
        Assert.Equal(SignalQuality.Good, health.Quality);
        Assert.InRange(Assert.Single(signals, s => s.Kind == SignalKind.RunningSeconds).Value, 29, 30);
        var window = analyzer.Collect(VisionRun.Epoch.AddSeconds(60), VisionRun.Epoch.AddSeconds(120));
        Assert.Contains(window.Conditions, c => c.Condition == CameraCondition.Offline && c.Until is null);
    }

    [Fact]
    public void Collect_CameraCoveredForPartOfTheWindow_HealthBelowOne()
    {
        using var analyzer = new CameraAnalyzer(TwoRegionCamera(), Options, null);
        VisionRun.Play(analyzer, new SyntheticScene { Covered = t => t >= 90 }, 120);

        var health = Assert.Single(Signals(analyzer, 60, 120), s => s.Kind == SignalKind.CameraHealth);

        Assert.InRange(health.Value, 0.45, 0.55);
    }

    [Fact]
    public void Collect_LensCoveredWhileTheMachineRuns_TheCoveredSecondsAreNotRunningButMissing()
    {
        // The machine runs throughout; the lens is covered from 90 s. The region's state is held through the cover, but
        // the covered seconds are no evidence: running_seconds counts the 30 seen seconds, flagged gap, and a window
        // wholly covered sends no region signal at all (missing, not zero, and not invented).
        using var analyzer = new CameraAnalyzer(TwoRegionCamera(), Options, null);
        VisionRun.Play(analyzer, new SyntheticScene { Running = _ => true, Covered = t => t >= 90 }, 180);

        var half = Signals(analyzer, 60, 120);
        var running = Assert.Single(half, s => s.Kind == SignalKind.RunningSeconds);
        Assert.InRange(running.Value, 29, 31);
        Assert.Equal(SignalQuality.Gap, running.Quality);
        Assert.Equal(1, Assert.Single(half, s => s.Kind == SignalKind.ActivityIndex && s.Source == "press-1").Value, 2);

        var covered = Signals(analyzer, 120, 180);
        Assert.DoesNotContain(covered, s => s.Source == "press-1");
        Assert.Equal(0, Assert.Single(covered, s => s.Kind == SignalKind.CameraHealth).Value);
    }

    private static CameraOptions TwoRegionCamera() => VisionRun.Camera(
        5,
        ("press-1", RegionKind.Machine, SyntheticScene.MachinePolygon),
        ("bench", RegionKind.Station, "0.02,0.05 0.25,0.05 0.25,0.30 0.02,0.30"));

    private static List<Signal> Signals(CameraAnalyzer analyzer, int from, int to) =>
        [.. CameraWindowContributor.ToSignals(analyzer.Collect(VisionRun.Epoch.AddSeconds(from), VisionRun.Epoch.AddSeconds(to)))];
}
