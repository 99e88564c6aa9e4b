using System.Globalization;

namespace EdgeCredit.Scenes.Tests;

public sealed class SceneCatalogueTests
{
    [Fact]
    public void Entries_TuneAndEvalSeeds_DoNotOverlap()
    {
        var tune = SceneCatalogue.Entries.Select(e => e.TuneSeed).ToList();
        var eval = SceneCatalogue.Entries.Select(e => e.EvalSeed).ToList();

        Assert.Empty(tune.Intersect(eval));
        Assert.All(tune, s => Assert.True(SceneCatalogue.IsTuneSeed(s)));
        Assert.All(eval, s => Assert.False(SceneCatalogue.IsTuneSeed(s)));
        Assert.Equal(SceneCatalogue.Entries.Count, SceneCatalogue.Entries.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void Entries_Catalogue_HasTheNamedScenes()
    {
        string[] wanted = ["normal-shift", "nuisance-only", "conveyor", "tamper-dark", "tamper-covered", "tamper-defocus", "tamper-frozen", "tamper-looped", "tamper-moved", "normal-hour"];

        Assert.All(wanted, name => Assert.Contains(SceneCatalogue.Entries, e => e.Name == name));
        Assert.Equal(3600, SceneCatalogue.Get("normal-hour").Defaults.Seconds);
    }

    [Theory]
    [InlineData("tune")]
    [InlineData("eval")]
    public void Spec_NuisanceOnly_NoRunningNoTamperAndPeopleOverMachines(string set)
    {
        var truth = Truth(SceneCatalogue.Spec("nuisance-only", set == "eval" ? SceneSet.Eval : SceneSet.Tune));

        Assert.All(truth.Regions, r => Assert.All(r.PerSecond, s => Assert.Equal(0, s)));
        Assert.Null(truth.Tamper);
        Assert.Contains(truth.People, p => p.Regions.Any(o => o.Name != "conveyor-1"));
        Assert.Contains(truth.Lighting.Events, e => e.Kind == "step");
    }

    [Theory]
    [InlineData("tamper-dark", "dark")]
    [InlineData("tamper-covered", "covered")]
    [InlineData("tamper-defocus", "defocused")]
    [InlineData("tamper-frozen", "frozen")]
    [InlineData("tamper-looped", "looped")]
    [InlineData("tamper-moved", "moved")]
    public void Spec_TamperScene_TruthHasKindAndStartInsideTheClip(string scene, string kind)
    {
        var truth = Truth(SceneCatalogue.Spec(scene, SceneSet.Tune));

        Assert.Equal(kind, truth.Tamper!.Kind);
        Assert.InRange(truth.Tamper.Start, 10, truth.Seconds - 20);
    }

    [Theory]
    [InlineData("normal-shift")]
    [InlineData("normal-hour")]
    public void Spec_NormalScene_EveryRegionRunsAndStops(string scene)
    {
        var truth = Truth(SceneCatalogue.Spec(scene, SceneSet.Tune));

        Assert.Equal(4, truth.Regions.Count);
        Assert.All(truth.Regions, r =>
        {
            Assert.Equal(truth.Seconds, r.PerSecond.Count);
            Assert.Contains(1, r.PerSecond);
            Assert.Contains(0, r.PerSecond);
            Assert.Equal(r.PerSecond.Sum(), r.Runs.Sum(x => x.End - x.Start));
        });
        Assert.Null(truth.Tamper);
    }

    [Fact]
    public void Truth_ItemPassages_HappenWhileTheConveyorRuns()
    {
        var truth = Truth(SceneCatalogue.Spec("conveyor", SceneSet.Tune));
        var belt = truth.Regions.Single(r => r.Kind == "Conveyor");
        var passages = truth.Items.Where(i => i.Enter > 0 && i.Exit is not null).ToList();

        Assert.NotEmpty(passages);
        Assert.All(passages, i =>
        {
            Assert.True(i.Exit > i.Enter);
            Assert.Equal(1, belt.PerSecond[(int)Math.Floor(i.Enter!.Value)]);
            Assert.Equal(1, belt.PerSecond[(int)Math.Floor(i.Exit!.Value - 1e-9)]);
        });
    }

    [Fact]
    public void Truth_Polygons_UseTheRegionOptionsSyntax()
    {
        var truth = Truth(SceneCatalogue.Spec("normal-shift", SceneSet.Tune));

        Assert.All(truth.Regions, r =>
        {
            var points = r.Polygon.Split(' ');
            Assert.Equal(4, points.Length);
            Assert.All(points, p =>
            {
                var xy = p.Split(',').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
                Assert.Equal(2, xy.Length);
                Assert.All(xy, v => Assert.InRange(v, 0, 1));
            });
        });
    }

    [Fact]
    public void Truth_Visible_WholeWhereNobodyOverlapsAndLessOnlyWhereSomeoneDoes()
    {
        var truth = Truth(SceneCatalogue.Spec("nuisance-only", SceneSet.Tune));

        var lowered = 0;
        foreach (var region in truth.Regions)
        {
            Assert.Equal(truth.Seconds, region.Visible!.Count);
            for (var s = 0; s < truth.Seconds; s++)
            {
                // The painted people (the mask) and their boxes (the overlaps) are two separate computations.
                var overlapped = truth.People.Any(p => p.Regions.Any(o => o.Name == region.Name && o.Start < s + 1 && o.End > s));
                Assert.InRange(region.Visible[s], 0, 1);
                if (!overlapped)
                {
                    Assert.Equal(1, region.Visible[s]);
                }

                lowered += region.Visible[s] < 1 ? 1 : 0;
            }
        }

        Assert.True(lowered > 0, "nuisance-only has people standing in front of the machines");
    }

    [Fact]
    public void Truth_Json_RoundTrips()
    {
        var json = SceneWriter.ToJson(Truth(SceneCatalogue.Spec("tamper-moved", SceneSet.Tune)));
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, json);

            Assert.Equal(json, SceneWriter.ToJson(SceneWriter.ReadTruth(path)));
            Assert.Contains("\"schema\": \"edgecredit.scene-truth/1\"", json, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Problem_OddWidth_NamesTheValueAndTheRule()
    {
        var spec = SceneCatalogue.Spec("normal-shift", SceneSet.Tune) with { Width = 641 };

        Assert.Equal("width 641: use an even number of pixels from 64 to 3840", spec.Problem());
        Assert.Throws<ArgumentException>(() => ScriptBuilder.Build(spec));
    }

    private static SceneTruth Truth(SceneSpec spec) => TruthBuilder.Build(ScriptBuilder.Build(spec), null, string.Empty);
}
