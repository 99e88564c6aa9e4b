using EdgeCredit.Scenes;
using EdgeCredit.Scenes.Datasets;

namespace EdgeCredit.Benchmarks.ModelsEval;

/// <summary>
/// The truth the counting is scored against, from the scene's plan: the times item centres cross the conveyor's
/// counting line (x = 0.5), and per second whether a person's centre stands in each station's x-range (on at least half
/// of the analysed frames of that second) and how many.
/// </summary>
internal sealed record SceneCountTruth(IReadOnlyList<double> Crossings, IReadOnlyDictionary<string, bool[]> Occupied, IReadOnlyDictionary<string, double[]> People)
{
    public static SceneCountTruth Of(SceneSpec spec, IReadOnlyDictionary<string, (double X0, double X1)> stations, double fps)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var script = ScriptBuilder.Build(spec);
        var crossings = new List<double>();
        foreach (var item in script.Items)
        {
            if (SceneObjects.ItemCentre(script, item, 0) >= 0.5 || SceneObjects.ItemCentre(script, item, spec.Seconds) < 0.5)
            {
                continue;
            }

            var t = 0.0;
            while (SceneObjects.ItemCentre(script, item, t) < 0.5)
            {
                t += 0.02;
            }

            crossings.Add(t);
        }

        var occupied = new Dictionary<string, bool[]>();
        var people = new Dictionary<string, double[]>();
        var perSecond = (int)Math.Round(fps);
        foreach (var (name, (x0, x1)) in stations)
        {
            occupied[name] = new bool[spec.Seconds];
            people[name] = new double[spec.Seconds];
            for (var s = 0; s < spec.Seconds; s++)
            {
                var (present, sum) = (0, 0);
                for (var f = 0; f < perSecond; f++)
                {
                    var t = s + ((double)f / perSecond);
                    var n = script.People.Count(p => p.X(t) is { } x && x >= x0 && x <= x1);
                    present += n > 0 ? 1 : 0;
                    sum += n;
                }

                occupied[name][s] = present * 2 >= perSecond;
                people[name][s] = (double)sum / perSecond;
            }
        }

        return new SceneCountTruth(crossings, occupied, people);
    }
}
