namespace EdgeCredit.Scenes.Tests;

[Collection(ScenesCollection.Name)]
public sealed class SceneWriterTests(RenderedScenesFixture scenes)
{
    [Fact]
    public void WriteAsync_Mp4AndAvi_FfprobeReportsSizeFpsAndDuration()
    {
        var spec = SceneCatalogue.Spec("conveyor", SceneSet.Tune) with { Width = 320, Height = 180, Fps = 12, Seconds = 20, WriteAvi = true };

        var scene = scenes.Get(spec);

        foreach (var path in new[] { scene.VideoPath, scene.AviPath! })
        {
            var probe = VideoDecoder.Probe(path);
            Assert.Equal((320, 180, "12/1", 240), (probe.Width, probe.Height, probe.FrameRate, probe.Frames));
            Assert.InRange(probe.Duration, 19.9, 20.1);
        }
    }

    [Fact]
    public async Task WriteAsync_Scene_TruthFileHoldsTheRawFramesHash()
    {
        var spec = SceneCatalogue.Spec("conveyor", SceneSet.Tune) with { Width = 320, Height = 180, Fps = 12, Seconds = 20, WriteAvi = true };
        var scene = scenes.Get(spec);

        var truth = SceneWriter.ReadTruth(scene.TruthPath);

        Assert.Equal(SceneWriter.HashFrames(spec, CancellationToken.None), truth.FramesSha256);
        Assert.Equal(Path.GetFileName(scene.VideoPath), truth.Video);
        Assert.Equal(SceneWriter.ToJson(scene.Truth), await File.ReadAllTextAsync(scene.TruthPath));
    }
}
