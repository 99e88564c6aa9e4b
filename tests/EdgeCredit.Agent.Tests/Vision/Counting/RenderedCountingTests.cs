using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Agent.Vision.Counting;
using EdgeCredit.Scenes;
using EdgeCredit.Scenes.Datasets;

namespace EdgeCredit.Agent.Tests.Vision.Counting;

/// <summary>
/// The shipped item detector with the tracker and line counter on a rendered conveyor scene (TUNE seed 1002, 320x180
/// grey at 5 fps as the agent analyses it), against the scene plan: every item whose centre crosses the middle of the
/// belt is counted, none twice.
/// </summary>
public sealed class RenderedCountingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Process_RenderedConveyorTuneScene_CountsEveryCrossingItemOnce(bool hidePeople)
    {
        var spec = SceneCatalogue.Spec("conveyor", SceneSet.Tune) with { Width = 320, Height = 180, Fps = 5 };
        var script = ScriptBuilder.Build(spec);
        // Items whose centre crosses the middle between 1 s and the last second (one already on the line when the
        // camera starts has no side to come from: the first frame only sets the motion reference).
        var expected = script.Items.Count(i => SceneObjects.ItemCentre(script, i, 1) < 0.5 && SceneObjects.ItemCentre(script, i, spec.Seconds - 1) >= 0.5);
        var camera = new CameraOptions { Name = "cam-1", AnalysisFps = 5 };
        var belt = new RegionOptions { Name = "conveyor-1", Kind = RegionKind.Conveyor, Polygon = script.Conveyor!.Box.ToPolygon() };
        camera.Regions.Add(belt);
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(new InferenceOptions()));
        var counting = new CameraCounting([(belt, NormalizedPolygon.TryParse(belt.Polygon, out var p, out _) ? p! : null!)], new DetectionOptions(), new ObjectDetector(catalogue.Get("item-detector/1")), 600);
        // With people hidden, counting reuses the person finder's detections whenever both look at the same frame.
        var people = hidePeople ? new PersonFinder(new ObjectDetector(catalogue.Get("item-detector/1")), "person", new DetectionSettings(0.4f, 0.45f), 5) : null;
        using var analyzer = new CameraAnalyzer(camera, new VisionOptions(), null) { Counting = counting, People = people };
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

        using (var renderer = new SceneRenderer(script))
        {
            renderer.RenderGrey(
                (i, pixels) =>
                {
                    using var frame = new CameraFrame("cam-1", i, start.AddSeconds(i / 5.0), 320, 180);
                    pixels.CopyTo(frame.Pixels);
                    analyzer.Process(frame);
                },
                CancellationToken.None);
        }

        var window = analyzer.Collect(start.AddSeconds(1), start.AddSeconds(spec.Seconds));
        var count = Assert.Single(window.Counts!);

        Assert.True(expected >= 5, $"the 90 s scene should carry at least 5 items across the line, has {expected}");
        var crossings = script.Items.Where(i => SceneObjects.ItemCentre(script, i, 1) < 0.5 && SceneObjects.ItemCentre(script, i, spec.Seconds - 1) >= 0.5)
            .Select(i => Enumerable.Range(0, spec.Seconds * 10).First(k => SceneObjects.ItemCentre(script, i, k / 10.0) >= 0.5) / 10.0);
        var counted = Enumerable.Range(0, spec.Seconds).Where(s => analyzer.Collect(start.AddSeconds(s), start.AddSeconds(s + 1)).Counts![0].Count > 0);
        Assert.True(expected == count.Count, $"crossings at {string.Join(", ", crossings)} s; counted in seconds {string.Join(", ", counted)}");
        Assert.Equal(count.Count, counting.Counters[0].Total - analyzer.Collect(start, start.AddSeconds(1)).Counts![0].Count);
        if (hidePeople)
        {
            Assert.True(counting.Shared > 0, $"counting never reused the person finder's detections ({people!.Runs} person runs, {counting.Runs} counting runs)");
        }
    }
}
