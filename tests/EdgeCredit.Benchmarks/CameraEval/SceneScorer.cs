using System.Globalization;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Scenes;

namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>Compares an observation of a rendered scene with the scene's truth.</summary>
internal static class SceneScorer
{
    private const int MismatchesShown = 8;

    /// <summary>A condition backdated up to this much before the tamper start is taken as evidence of it (transition frames).</summary>
    public const double StartTolerance = 1;

    /// <summary>
    /// A second whose best frame leaves less than this share of a region's moving part in view (the truth's
    /// <see cref="RegionTruth.Visible"/>) is one no camera could judge: the agent answering it "unseen" is right.
    /// </summary>
    public const double HiddenBelow = 0.5;

    /// <summary>Seconds [0, end) of every truth region; end is the tamper start for a tamper clip, else the clip's end.</summary>
    public static IReadOnlyList<RegionScore> ScoreRegions(SceneTruth truth, ClipObservation observation)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(observation);
        var end = truth.Tamper?.Start ?? truth.Seconds;
        var scores = new List<RegionScore>();
        foreach (var region in truth.Regions)
        {
            var flags = observation.Regions.TryGetValue(region.Name, out var f) ? f : [];
            int runRight = 0, idleRight = 0, missed = 0, extra = 0, unknown = 0, trueRunning = 0, reported = 0, clear = 0, clearRight = 0, unseen = 0, unseenRight = 0, hidden = 0, hiddenFlagged = 0, excused = 0, overHidden = 0;
            var wrong = new List<(int Second, string What)>();
            for (var s = 0; s < end; s++)
            {
                var running = region.PerSecond[s] == 1;
                trueRunning += running ? 1 : 0;
                var flag = s < flags.Length ? flags[s] : SecondFlags.None;
                if ((flag & SecondFlags.Observed) == 0)
                {
                    unknown++;
                    wrong.Add((s, "not analysed"));
                    continue;
                }

                var said = (flag & SecondFlags.Running) != 0;
                reported += said ? 1 : 0;
                var flaggedUnseen = (flag & SecondFlags.Unseen) != 0;
                if (flaggedUnseen)
                {
                    unseen++;
                    unseenRight += running == said ? 1 : 0;
                }

                var truthHidden = region.Visible is { } v && v[s] < HiddenBelow;
                hidden += truthHidden ? 1 : 0;
                hiddenFlagged += truthHidden && flaggedUnseen ? 1 : 0;
                excused += truthHidden && flaggedUnseen && running != said ? 1 : 0;
                overHidden += flaggedUnseen && !truthHidden ? 1 : 0;

                if (!PersonAt(truth, region.Name, s))
                {
                    clear++;
                    clearRight += running == said ? 1 : 0;
                }

                if (running == said)
                {
                    runRight += running ? 1 : 0;
                    idleRight += running ? 0 : 1;
                }
                else if (running)
                {
                    missed++;
                    wrong.Add((s, "running reported idle"));
                }
                else
                {
                    extra++;
                    wrong.Add((s, "idle reported running"));
                }
            }

            scores.Add(new RegionScore(observation.Name, region.Name, end, runRight, idleRight, missed, extra, unknown,
                truth.Seconds - end, trueRunning, reported, Stretches(wrong), clear, clearRight, unseen, unseenRight)
            {
                Hidden = hidden,
                HiddenFlagged = hiddenFlagged,
                Excused = excused,
                OverHidden = overHidden,
            });
        }

        return scores;
    }

    /// <summary>A person overlaps the region's box at some time within a second either side of second <paramref name="s"/>.</summary>
    private static bool PersonAt(SceneTruth truth, string region, int s) =>
        truth.People.Any(p => p.Regions.Any(o => o.Name == region && o.Start < s + 2 && o.End > s - 1));

    public static TamperScore ScoreTamper(SceneTruth truth, ClipObservation observation)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(observation);
        var tamper = truth.Tamper ?? throw new ArgumentException($"{truth.Scene} has no tamper", nameof(truth));
        var expected = Enum.Parse<CameraCondition>(tamper.Kind, ignoreCase: true);
        var before = observation.Conditions.Where(c => c.Since < tamper.Start - StartTolerance).ToList();
        var detected = observation.Conditions.FirstOrDefault(c => c.Condition == expected && c.Since >= tamper.Start - StartTolerance);
        var others = observation.Conditions.Where(c => c.Since >= tamper.Start - StartTolerance && c != detected).ToList();
        return new TamperScore(observation.Name, expected.ToString(), tamper.Start, detected, before, others);
    }

    /// <summary>"12-15 running reported idle; 40 not analysed ..." (the first few stretches, then how many more).</summary>
    private static string Stretches(List<(int Second, string What)> wrong)
    {
        var stretches = new List<string>();
        for (var i = 0; i < wrong.Count;)
        {
            var j = i;
            while (j + 1 < wrong.Count && wrong[j + 1].Second == wrong[j].Second + 1 && wrong[j + 1].What == wrong[i].What)
            {
                j++;
            }

            stretches.Add(string.Create(CultureInfo.InvariantCulture,
                $"{wrong[i].Second}{(j > i ? $"-{wrong[j].Second}" : string.Empty)} s {wrong[i].What}"));
            i = j + 1;
        }

        return stretches.Count <= MismatchesShown
            ? string.Join("; ", stretches)
            : string.Join("; ", stretches.Take(MismatchesShown)) + $"; ... {stretches.Count - MismatchesShown} more";
    }
}
