using Xunit.Abstractions;

namespace EdgeCredit.Scenes.Tests;

/// <summary>The per-second running truth agrees with the pixels of the decoded mp4.</summary>
[Collection(ScenesCollection.Name)]
public sealed class RegionMotionTests(RenderedScenesFixture scenes, ITestOutputHelper output)
{
    /// <summary>Changed-pixel fraction (|Δgrey| &gt; 25) above which a second counts as moving.</summary>
    private const double Moving = 0.01;

    /// <summary>Above this, a still second is not still: noise and flicker alone stay far below.</summary>
    private const double Still = 0.001;

    [Fact]
    public void NormalShift_DecodedVideo_RegionsMoveWhileRunningAndStayStillWhileIdle()
    {
        var spec = SceneCatalogue.Spec("normal-shift", SceneSet.Tune) with { Seconds = 60 };
        var scene = scenes.Get(spec);
        var truth = scene.Truth;
        var script = ScriptBuilder.Build(spec);
        var motion = SecondMotion(scene, script);
        var checkedRunning = 0;
        var checkedIdle = 0;

        foreach (var (region, r) in truth.Regions.Select((r, i) => (r, i)))
        {
            for (var s = 0; s < truth.Seconds; s++)
            {
                if (region.PerSecond[s] == 1)
                {
                    Assert.True(motion[r][s] > Moving, $"{region.Name} second {s}: running in the truth but only {motion[r][s]:P2} of its pixels changed");
                    checkedRunning++;
                }
                else if (!Disturbed(truth, region.Name, s))
                {
                    Assert.True(motion[r][s] < Still, $"{region.Name} second {s}: idle with nobody there, yet {motion[r][s]:P2} of its pixels changed");
                    checkedIdle++;
                }
            }

            output.WriteLine($"{region.Name}: running median {Median(motion[r], region.PerSecond, 1):P2}, idle median {Median(motion[r], region.PerSecond, 0):P3}");
        }

        Assert.True(checkedRunning > 60, $"only {checkedRunning} running seconds checked");
        Assert.True(checkedIdle > 40, $"only {checkedIdle} undisturbed idle seconds checked");
    }

    [Fact]
    public void NuisanceOnly_DecodedVideo_PeopleMoveInStoppedMachinesOnlyWhereTheTruthSays()
    {
        // Machines only: a person is a small part of the full-width conveyor region, and the stopped belt is covered below.
        var spec = SceneCatalogue.Spec("nuisance-only", SceneSet.Tune) with { Seconds = 60 };
        var scene = scenes.Get(spec);
        var truth = scene.Truth;
        var script = ScriptBuilder.Build(spec);
        var motion = SecondMotion(scene, script);
        var crossings = 0;

        foreach (var (region, r) in truth.Regions.Select((r, i) => (r, i)).Where(x => x.r.Kind == "Machine"))
        {
            Assert.All(region.PerSecond, s => Assert.Equal(0, s));
            for (var s = 0; s < truth.Seconds; s++)
            {
                // Walking with the body's centre inside the region for the whole second (the truth's boxes also count a
                // swinging hand at the edge).
                var box = script.Regions[r].Box;
                var walking = script.People.Any(p => p.Box(s, script.Aspect) is { } b && b.Intersects(box)
                    && p.X(s) is { } x0 && x0 > box.X0 && x0 < box.X1
                    && p.X(s + 1) is { } x1 && x1 > box.X0 && x1 < box.X1
                    && !p.Pauses().Any(x => x.Start <= s + 1 && x.End >= s));
                if (walking)
                {
                    Assert.True(motion[r][s] > Moving, $"{region.Name} second {s}: a person walks across it but only {motion[r][s]:P2} changed");
                    crossings++;
                }
                else if (!Disturbed(truth, region.Name, s))
                {
                    Assert.True(motion[r][s] < Still, $"{region.Name} second {s}: stopped and nobody there, yet {motion[r][s]:P2} changed");
                }
            }
        }

        Assert.True(crossings > 5, $"only {crossings} seconds of people crossing machines");
    }

    /// <summary>A person near the region, or a lighting step, within a second either side.</summary>
    private static bool Disturbed(SceneTruth truth, string region, int second) =>
        truth.People.Any(p => p.Regions.Any(o => o.Name == region && o.Start < second + 2 && o.End > second - 1))
        || truth.Lighting.Events.Any(e => e.Kind == "step" && e.Time > second - 1 && e.Time < second + 2);

    /// <summary>For each region and second: the median changed fraction over the frame pairs inside that second.</summary>
    private static double[][] SecondMotion(RenderedScene scene, SceneScript script)
    {
        var truth = scene.Truth;
        var pairs = truth.Regions.Select(_ => Enumerable.Range(0, truth.Seconds).Select(_ => new List<double>()).ToArray()).ToArray();
        byte[]? previous = null;
        var i = 0;
        foreach (var frame in VideoDecoder.Gray(scene.VideoPath, truth.Width, truth.Height))
        {
            if (previous is not null && i % truth.Fps != 0)
            {
                for (var r = 0; r < script.Regions.Count; r++)
                {
                    pairs[r][i / truth.Fps].Add(FrameStats.ChangedFraction(previous, frame, truth.Width, script.Regions[r].Box));
                }
            }

            previous = frame;
            i++;
        }

        Assert.Equal(truth.Frames, i);
        return [.. pairs.Select(seconds => seconds.Select(Median).ToArray())];
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static double Median(double[] motion, IReadOnlyList<int> states, int state) =>
        Median([.. motion.Where((_, s) => states[s] == state)]);
}
