using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Scenes;
using Xunit.Abstractions;

namespace EdgeCredit.Agent.Tests.Vision;

/// <summary>
/// Running / idle on a rendered normal shift (TUNE seed 1000, 120 s, 320x180 grey at 5 fps) with and without the
/// shipped detector finding the people in front of the machines (<see cref="PersonFinder"/>), and with the shipped person
/// mask hiding only their bodies (<see cref="PeopleMask"/>): the same frames go to three analyzers, and each region's per-second state is compared with the scene's truth.
/// </summary>
public sealed class RenderedPassersTests(ITestOutputHelper output)
{
    [Fact]
    public void Process_RenderedNormalShiftTuneScene_PeopleFoundByTheDetectorLeaveOnlyHiddenSecondsWrong()
    {
        var spec = SceneCatalogue.Spec("normal-shift", SceneSet.Tune) with { Width = 320, Height = 180, Fps = 5 };
        var script = ScriptBuilder.Build(spec);
        var truth = TruthBuilder.Build(script, null, string.Empty);
        var camera = new CameraOptions { Name = "cam-1", AnalysisFps = 5 };
        foreach (var region in truth.Regions)
        {
            camera.Regions.Add(new RegionOptions { Name = region.Name, Kind = Enum.Parse<RegionKind>(region.Kind), Polygon = region.Polygon });
        }

        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(new InferenceOptions()));
        var finder = new PersonFinder(new ObjectDetector(catalogue.Get("item-detector/1")), "person", new DetectionSettings(0.4f, 0.45f), 5);
        using var motionOnly = new CameraAnalyzer(camera, new VisionOptions(), null);
        using var withPeople = new CameraAnalyzer(camera, new VisionOptions(), null) { People = finder };
        var maskFinder = new PersonFinder(new ObjectDetector(catalogue.Get("item-detector/1")), "person", new DetectionSettings(0.4f, 0.45f), 5);
        var mask = new PeopleMask(new ImageSegmenter(catalogue.Get("person-mask/1")));
        using var withMask = new CameraAnalyzer(camera, new VisionOptions(), null) { People = maskFinder, Mask = mask };
        var start = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        using (var renderer = new SceneRenderer(script))
        {
            renderer.RenderGrey(
                (i, pixels) =>
                {
                    foreach (var analyzer in new[] { motionOnly, withPeople, withMask })
                    {
                        using var frame = new CameraFrame("cam-1", i, start.AddSeconds(i / 5.0), 320, 180);
                        pixels.CopyTo(frame.Pixels);
                        analyzer.Process(frame);
                    }
                },
                CancellationToken.None);
        }

        var (plainWrong, _, _) = Wrong(motionOnly, truth, start);
        var (peopleWrong, peopleUnseen, unseenWrong) = Wrong(withPeople, truth, start);
        var (maskWrong, maskUnseen, maskUnseenWrong) = Wrong(withMask, truth, start);
        output.WriteLine($"wrong region-seconds: motion blobs alone {plainWrong}, with people found {peopleWrong} ({unseenWrong} of them in the {peopleUnseen} seconds flagged unseen); detector runs {finder.Runs}, {finder.InferenceTime.TotalMilliseconds / Math.Max(1, finder.Runs):F1} ms each");
        output.WriteLine($"with the person mask: {maskWrong} wrong ({maskUnseenWrong} of them in the {maskUnseen} seconds flagged unseen); mask runs {mask.Runs}, {mask.InferenceTime.TotalMilliseconds / Math.Max(1, mask.Runs):F1} ms each");

        Assert.True(finder.Runs > 0, "the detector never ran, though people cross the machines");
        Assert.True(finder.Runs < spec.Seconds * 5, $"the detector ran on every frame ({finder.Runs}): it should run only while a passer is seen");
        Assert.True(peopleWrong < plainWrong, $"people found by the detector should leave fewer wrong seconds: {peopleWrong} with, {plainWrong} without");
        Assert.True(peopleWrong - unseenWrong <= 2, $"{peopleWrong - unseenWrong} wrong seconds in which the region was seen");

        // Masking the body rather than the box leaves the machine beside a standing worker in view.
        Assert.True(mask.Runs > 0, "the person mask never ran");
        Assert.True(maskUnseen * 2 < peopleUnseen, $"the mask should at least halve the unseen seconds: {maskUnseen} with it, {peopleUnseen} with boxes");
        Assert.True(maskWrong < peopleWrong, $"the mask should leave fewer wrong seconds: {maskWrong} with it, {peopleWrong} with boxes");

        // The window tells the lender how many of those seconds were held, not seen: hidden_seconds per machine and conveyor.
        var signals = CameraWindowContributor.ToSignals(withPeople.Collect(start.AddSeconds(1), start.AddSeconds(truth.Seconds))).ToArray();
        var hidden = signals.Where(s => s.Kind == Protocol.SignalKind.HiddenSeconds).ToArray();
        Assert.Equal(truth.Regions.Count, hidden.Length);
        Assert.Equal(peopleUnseen, hidden.Sum(s => s.Value));
    }

    /// <summary>Wrong region-seconds (from second 1: the first frame only sets the motion reference), seconds flagged unseen, and wrong ones among those.</summary>
    private static (int Wrong, int Unseen, int UnseenWrong) Wrong(CameraAnalyzer analyzer, SceneTruth truth, DateTimeOffset start)
    {
        int wrong = 0, unseen = 0, unseenWrong = 0;
        foreach (var region in analyzer.Regions)
        {
            region.FlushBefore(long.MaxValue);
            var perSecond = truth.Regions.Single(r => r.Name == region.Settings.Name).PerSecond;
            for (var s = 1; s < truth.Seconds; s++)
            {
                var flags = region.Timeline.Get(start.AddSeconds(s).ToUnixTimeSeconds());
                var bad = ((flags & SecondFlags.Running) != 0) != (perSecond[s] == 1);
                wrong += bad ? 1 : 0;
                if ((flags & SecondFlags.Unseen) != 0)
                {
                    unseen++;
                    unseenWrong += bad ? 1 : 0;
                }
            }
        }

        return (wrong, unseen, unseenWrong);
    }
}
