using System.Security.Cryptography;

namespace EdgeCredit.Scenes.Tests;

[Collection(ScenesCollection.Name)]
public sealed class SceneRendererTests
{
    private static SceneSpec Small(string name) => SceneCatalogue.Spec(name, SceneSet.Tune) with { Width = 320, Height = 180, Seconds = 20 };

    [Fact]
    public void Render_SameSceneAndSeed_IdenticalFramesAndTruth()
    {
        var spec = Small("normal-shift");

        var first = SceneWriter.HashFrames(spec, CancellationToken.None);
        var second = SceneWriter.HashFrames(spec, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(
            SceneWriter.ToJson(TruthBuilder.Build(ScriptBuilder.Build(spec), "a.mp4", first)),
            SceneWriter.ToJson(TruthBuilder.Build(ScriptBuilder.Build(spec), "a.mp4", second)));
    }

    [Fact]
    public void Render_OtherSeed_DifferentFramesAndTruth()
    {
        var spec = Small("normal-shift");
        var other = spec with { Seed = spec.Seed + 1 };

        Assert.NotEqual(SceneWriter.HashFrames(spec, CancellationToken.None), SceneWriter.HashFrames(other, CancellationToken.None));
        Assert.NotEqual(
            SceneWriter.ToJson(TruthBuilder.Build(ScriptBuilder.Build(spec), null, string.Empty)),
            SceneWriter.ToJson(TruthBuilder.Build(ScriptBuilder.Build(other), null, string.Empty)));
    }

    [Fact]
    public void Render_Frozen_RepeatsTheFrameBeforeTheStartByteForByte()
    {
        var spec = Small("tamper-frozen");
        var script = ScriptBuilder.Build(spec);
        var start = script.Tamper!.Start * spec.Fps;

        var hashes = FrameHashes(script);

        Assert.All(hashes.Skip(start), h => Assert.Equal(hashes[start - 1], h));
        Assert.Equal(start, hashes.Take(start).Distinct().Count());
    }

    [Fact]
    public void Render_Looped_ReplaysTheSecondsBeforeTheStart()
    {
        var spec = Small("tamper-looped");
        var script = ScriptBuilder.Build(spec);
        var start = script.Tamper!.Start * spec.Fps;
        var loop = script.Tamper.LoopSeconds * spec.Fps;

        var hashes = FrameHashes(script);

        for (var i = start; i < hashes.Count; i++)
        {
            Assert.Equal(hashes[start - loop + ((i - start) % loop)], hashes[i]);
        }

        Assert.Equal(loop, hashes.Skip(start).Distinct().Count());
        Assert.Equal(start, hashes.Take(start).Distinct().Count());
    }

    [Fact]
    public void Render_Scene_RendersSpecFrameCountOfSpecSize()
    {
        var spec = Small("conveyor") with { Fps = 7, Seconds = 3 };
        using var renderer = new SceneRenderer(ScriptBuilder.Build(spec));
        var sizes = new List<int>();

        renderer.Render((_, frame) => sizes.Add(frame.Length), CancellationToken.None);

        Assert.Equal(21, sizes.Count);
        Assert.All(sizes, s => Assert.Equal(320 * 180 * 3, s));
    }

    private static List<string> FrameHashes(SceneScript script)
    {
        var hashes = new List<string>();
        using var renderer = new SceneRenderer(script);
        renderer.Render((_, frame) => hashes.Add(Convert.ToHexString(SHA256.HashData(frame))), CancellationToken.None);
        return hashes;
    }
}
