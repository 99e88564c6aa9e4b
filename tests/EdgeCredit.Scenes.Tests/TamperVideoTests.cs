using OpenCvSharp;

namespace EdgeCredit.Scenes.Tests;

/// <summary>Each tamper clip, decoded from its mp4, really shows its tamper from the start time in the truth.</summary>
[Collection(ScenesCollection.Name)]
public sealed class TamperVideoTests(RenderedScenesFixture scenes)
{
    [Fact]
    public void Frozen_DecodedVideo_FramesStopChangingAtTheStart()
    {
        var (truth, frames) = Decode("tamper-frozen");
        var start = truth.Tamper!.Start * truth.Fps;

        for (var i = 1; i < start; i++)
        {
            Assert.False(frames[i].AsSpan().SequenceEqual(frames[i - 1]), $"frame {i} repeats its predecessor before the start");
        }

        // The encoder still refines the picture for a few frames and re-codes it at each keyframe (every 2 s, as a camera
        // whose picture hangs would): those frames differ by compression residue only; all others are identical.
        var whole = new NormalizedRect(0, 0, 1, 1);
        var after = Enumerable.Range(start + 1, frames.Count - start - 1).ToList();
        Assert.All(after, i => Assert.True(FrameStats.ChangedFraction(frames[i], frames[i - 1], truth.Width, whole) < 0.001, $"frame {i} changed after the start"));
        var identical = after.Count(i => frames[i].AsSpan().SequenceEqual(frames[i - 1]));
        Assert.True(identical >= after.Count * 0.6, $"only {identical} of {after.Count} decoded frames are identical to their predecessor");
    }

    [Fact]
    public void Looped_DecodedVideo_ReplaysTheSecondsBeforeTheStart()
    {
        var (truth, frames) = Decode("tamper-looped");
        var start = truth.Tamper!.Start * truth.Fps;
        var loop = ScriptBuilder.Build(Spec("tamper-looped")).Tamper!.LoopSeconds * truth.Fps;

        var replayed = Enumerable.Range(start, frames.Count - start).Average(i => FrameStats.MeanAbsDifference(frames[i], frames[start - loop + ((i - start) % loop)]));
        var ordinary = Enumerable.Range(loop, start - loop).Average(i => FrameStats.MeanAbsDifference(frames[i], frames[i - loop]));

        Assert.True(replayed < ordinary * 0.5, $"replayed frames differ by {replayed:0.00} from their originals, ordinary frames {loop} apart by {ordinary:0.00}");
    }

    [Fact]
    public void Moved_DecodedVideo_ViewShiftsAsTheTruthSaysAndStays()
    {
        var spec = Spec("tamper-moved");
        var (truth, frames) = Decode("tamper-moved");
        var plan = ScriptBuilder.Build(spec).Tamper!;
        var before = frames[(truth.Tamper!.Start - 1) * truth.Fps];
        var after = frames[^1];

        var raw = FrameStats.MeanAbsDifference(before, after);
        var realigned = FrameStats.MeanAbsDifference(Warp(before, truth.Width, truth.Height, plan), after);
        var unmovedEarlier = FrameStats.MeanAbsDifference(frames[truth.Fps], before);

        Assert.True(raw > 2 * unmovedEarlier, $"moved view differs by {raw:0.0} from before, two unmoved frames by {unmovedEarlier:0.0}");
        Assert.True(realigned < raw * 0.5, $"undoing the truth's shift leaves {realigned:0.0} of {raw:0.0}");
    }

    [Fact]
    public void Dark_DecodedVideo_IsNearBlackAfterTheStart()
    {
        var (truth, frames) = Decode("tamper-dark");
        var start = truth.Tamper!.Start * truth.Fps;

        Assert.All(frames.Take(start), f => Assert.InRange(FrameStats.Mean(f), 60, 255));
        Assert.All(frames.Skip(start + truth.Fps), f => Assert.InRange(FrameStats.Mean(f), 0, 12));
    }

    [Fact]
    public void Covered_DecodedVideo_IsMostlyFlatAfterTheStart()
    {
        var (truth, frames) = Decode("tamper-covered");
        var start = truth.Tamper!.Start * truth.Fps;

        Assert.All(frames.Take(start).Where((_, i) => i % truth.Fps == 0), f => Assert.InRange(FrameStats.FlatFraction(f), 0, 0.45));
        Assert.All(frames.Skip(start + (2 * truth.Fps)).Where((_, i) => i % truth.Fps == 0), f => Assert.InRange(FrameStats.FlatFraction(f), 0.7, 1));
    }

    [Fact]
    public void Defocused_DecodedVideo_LosesSharpnessAfterTheStart()
    {
        var (truth, frames) = Decode("tamper-defocus");
        var start = truth.Tamper!.Start * truth.Fps;
        var sharp = FrameStats.Sharpness(frames[start - 1], truth.Width);

        var blurred = FrameStats.Sharpness(frames[(int)((truth.Tamper.Start + truth.Tamper.TransitionSeconds + 1) * truth.Fps)], truth.Width);

        Assert.True(blurred < sharp * 0.3, $"sharpness {blurred:0} after the start, {sharp:0} before");
    }

    private static SceneSpec Spec(string name) => SceneCatalogue.Spec(name, SceneSet.Tune) with { Width = 320, Height = 180, Seconds = 30 };

    private static byte[] Warp(byte[] grey, int width, int height, TamperPlan plan)
    {
        using var source = Mat.FromPixelData(height, width, MatType.CV_8UC1, grey);
        using var m = Cv2.GetRotationMatrix2D(new Point2f(width / 2f, height / 2f), plan.RotateDegrees, 1.0);
        m.Set(0, 2, m.At<double>(0, 2) + (plan.ShiftX * width));
        m.Set(1, 2, m.At<double>(1, 2) + (plan.ShiftY * height));
        using var warped = new Mat();
        Cv2.WarpAffine(source, warped, m, new Size(width, height), InterpolationFlags.Linear, BorderTypes.Reflect101);
        warped.GetArray(out byte[] bytes);
        return bytes;
    }

    private (SceneTruth Truth, List<byte[]> Frames) Decode(string name)
    {
        var scene = scenes.Get(Spec(name));
        var frames = VideoDecoder.AllGray(scene.VideoPath, scene.Truth.Width, scene.Truth.Height);
        Assert.Equal(scene.Truth.Frames, frames.Count);
        return (scene.Truth, frames);
    }
}
