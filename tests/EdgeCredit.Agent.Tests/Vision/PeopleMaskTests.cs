using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Scenes;
using EdgeCredit.Scenes.Datasets;
using OpenCvSharp;
using Xunit.Abstractions;

namespace EdgeCredit.Agent.Tests.Vision;

/// <summary>
/// The shipped person-mask model (<c>models/person-mask/1</c>) through real ONNX Runtime on rendered frames of a TUNE
/// scene it was not trained on (seed 1001; training used 2000-2047), against the people the renderer painted.
/// </summary>
public sealed class PeopleMaskTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly ModelCatalogue _catalogue = new(Microsoft.Extensions.Options.Options.Create(new InferenceOptions()));

    [Fact]
    public void Segment_RenderedPeople_CellsTheyCoverFoundAndFewOthers()
    {
        var segmenter = new ImageSegmenter(_catalogue.Get("person-mask/1"));
        var grid = new CellGrid(320, 180);
        int half = 0, halfFound = 0, said = 0, saidFar = 0;
        foreach (var (pixels, cover) in Frames(every: 10))
        {
            var probabilities = Array.Empty<float>();
            segmenter.Segment(pixels, 320, 180, ref probabilities);
            Assert.Equal((45, 80), (segmenter.Rows, segmenter.Columns));
            for (var c = 0; c < grid.Count; c++)
            {
                var person = probabilities[c] >= PeopleMask.MinProbability;
                half += cover[c] >= 0.5 ? 1 : 0;
                halfFound += cover[c] >= 0.5 && person ? 1 : 0;
                said += person ? 1 : 0;
                saidFar += person && !Near(cover, grid, c) ? 1 : 0;
            }
        }

        output.WriteLine($"cells at least half covered: {half}, found {halfFound} ({(double)halfFound / half:P1}); cells said person: {said}, of them more than a cell from any person {saidFar} ({(double)saidFar / Math.Max(1, said):P1})");
        Assert.True(half > 500, $"the scene should have people in front of the machines ({half} cells)");
        Assert.True(halfFound >= 0.9 * half, $"found {halfFound} of {half} cells a person covers at least half of");
        Assert.True(saidFar <= 0.05 * said, $"{saidFar} of {said} cells said person are more than a cell from any person");
    }

    [Fact]
    public void Update_TwoFramesInARow_CoveredIsBothBodiesGrownByACellAndForgetsAFrameNotInARow()
    {
        var mask = new PeopleMask(new ImageSegmenter(_catalogue.Get("person-mask/1")));
        var grid = new CellGrid(320, 180);
        var all = Frames(every: 5);
        var k = Enumerable.Range(0, all.Count - 1).First(i => Enumerable.Range(0, grid.Count).Count(c => all[i].Cover[c] >= 0.5 && all[i + 1].Cover[c] == 0) >= 20);
        var frames = new[] { all[k], all[k + 1] }; // a second apart, someone walked: the two bodies differ
        using var first = Frame(frames[0].Pixels, At);
        using var second = Frame(frames[1].Pixels, At.AddSeconds(1));

        mask.Update(first, grid, DateTimeOffset.MinValue);
        var alone = (bool[])mask.Covered.Clone();
        mask.Update(second, grid, At);
        var both = (bool[])mask.Covered.Clone();
        mask.Update(second, grid, At.AddSeconds(0.5)); // the frame before was not the last masked one

        Assert.All(Enumerable.Range(0, grid.Count).Where(c => alone[c]), c => Assert.True(both[c], $"cell {c} covered in the first frame"));
        Assert.True(both.Count(c => c) > mask.Covered.Count(c => c), "the second frame's own mask is smaller than the union");
        Assert.Equal(3, mask.Runs);
    }

    public void Dispose() => _catalogue.Dispose();

    private static CameraFrame Frame(byte[] pixels, DateTimeOffset at)
    {
        var frame = new CameraFrame("cam-1", 0, at, 320, 180);
        pixels.CopyTo(frame.Pixels);
        return frame;
    }

    /// <summary>Whether a person covers some of the cell or of a neighbour.</summary>
    private static bool Near(double[] cover, CellGrid grid, int c)
    {
        var (cx, cy) = (c % grid.Columns, c / grid.Columns);
        for (var y = Math.Max(0, cy - 1); y <= Math.Min(grid.Rows - 1, cy + 1); y++)
        {
            for (var x = Math.Max(0, cx - 1); x <= Math.Min(grid.Columns - 1, cx + 1); x++)
            {
                if (cover[(y * grid.Columns) + x] > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Grey 320x180 frames of the tune nuisance scene with people, and the share of each 4-px cell people cover.</summary>
    private static List<(byte[] Pixels, double[] Cover)> Frames(int every)
    {
        var spec = SceneCatalogue.Spec("nuisance-only", SceneSet.Tune) with { Width = 320, Height = 180, Fps = 5, Seconds = 60 };
        var script = ScriptBuilder.Build(spec);
        var frames = new List<(byte[], double[])>();
        using var painted = new Mat(180, 320, MatType.CV_8UC1);
        using var renderer = new SceneRenderer(script);
        renderer.RenderGrey(
            (i, pixels) =>
            {
                if (i % every != 0)
                {
                    return;
                }

                PersonMask.Paint(script, script.Time(i), painted);
                if (Cv2.CountNonZero(painted) == 0)
                {
                    return;
                }

                var cover = new double[80 * 45];
                for (var y = 0; y < 180; y++)
                {
                    for (var x = 0; x < 320; x++)
                    {
                        cover[((y / 4) * 80) + (x / 4)] += painted.At<byte>(y, x) / 255.0 / 16;
                    }
                }

                frames.Add(((byte[])pixels.Clone(), cover));
            },
            CancellationToken.None);
        return frames;
    }
}
