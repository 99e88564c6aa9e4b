using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class DebugTmpTests(ITestOutputHelper output)
{
    [Fact]
    public void Debug()
    {
        var scene = CameraHealthMonitorTests.Scene();
        var first = new byte[scene.Width * scene.Height];
        scene.Render(0, first);
        var reference = SceneReference.FromFrame(first, scene.Width, scene.Height, VisionRun.Epoch);
        output.WriteLine($"ref sharp {reference.Sharpness:F3}");
        using var analyzer = new CameraAnalyzer(VisionRun.MachineCamera(), new VisionOptions(), reference);
        VisionRun.Play(analyzer, scene, 60, each: t =>
        {
            foreach (var c in analyzer.TakeConditionChanges())
            {
                output.WriteLine($"{t}: {c}");
            }

            if (Math.Abs(t % 1) < 0.01)
            {
                var m = analyzer.Monitor!;
                var sharp = ImageMeasures.NormalizedSharpness(m.Thumbnail.Pixels, m.Thumbnail.ThumbWidth, m.Thumbnail.ThumbHeight);
                output.WriteLine($"{t}: moved {m.Moved?.Last} loop {m.Loop.Best} sharp {sharp:F3}");
            }
        });
    }
}
