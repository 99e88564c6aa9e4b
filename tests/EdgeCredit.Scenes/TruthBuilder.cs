using System.Globalization;

namespace EdgeCredit.Scenes;

/// <summary>Turns a script into its ground truth: the same numbers the renderer draws from.</summary>
internal static class TruthBuilder
{
    public const string Schema = "edgecredit.scene-truth/1";

    public static SceneTruth Build(SceneScript script, string? video, string framesSha256)
    {
        ArgumentNullException.ThrowIfNull(script);
        var spec = script.Spec;
        var visible = VisibilityTruth.Compute(script);
        var regions = script.Regions.Select((r, i) => new RegionTruth(
            r.Name,
            r.Kind,
            r.Machine?.ToString().ToLowerInvariant(),
            r.Box.ToPolygon(),
            Round(r.Rate),
            [.. r.Schedule.PerSecond.Select(s => s ? 1 : 0)],
            [.. r.Schedule.Runs().Select(run => new Interval(run.Start, run.End))],
            visible[i])).ToList();
        var people = script.People.Select(p => new PersonTruth(
            p.Id,
            Round(p.Enter),
            Round(p.Exit),
            p.Waypoints[^1].X > p.Waypoints[0].X ? "left-to-right" : "right-to-left",
            [.. p.Pauses().Select(x => new Interval(Round(x.Start), Round(x.End)))],
            Overlaps(script, p))).ToList();
        var items = new List<ItemTruth>();
        if (script.Conveyor is { } conveyor)
        {
            foreach (var item in script.Items)
            {
                var enter = conveyor.Schedule.TimeAtRunTime(item.Offset / conveyor.Rate);
                var exit = conveyor.Schedule.TimeAtRunTime((item.Offset + 1 + item.Length) / conveyor.Rate);
                if (enter is not null)
                {
                    items.Add(new ItemTruth(item.Id, conveyor.Name, Round(enter.Value), exit is { } e ? Round(e) : null));
                }
            }
        }

        var lighting = script.Lighting;
        List<LightingEvent> events = [new("drift", 0, Amplitude: lighting.DriftAmplitude, PeriodSeconds: lighting.DriftPeriodSeconds)];
        events.AddRange(lighting.Steps.Where(s => s.Time < spec.Seconds).Select(s => new LightingEvent("step", s.Time, Level: Round(s.Level))));
        var tamper = script.Tamper is { } plan
            ? new TamperTruth(plan.Kind.ToString().ToLowerInvariant(), plan.Start, plan.Transition, Detail(plan))
            : null;
        return new SceneTruth(
            Schema,
            spec.Name,
            spec.Set.ToString().ToLowerInvariant(),
            spec.Seed,
            spec.Width,
            spec.Height,
            spec.Fps,
            spec.Seconds,
            spec.FrameCount,
            video,
            framesSha256,
            spec.NoiseSigma,
            regions,
            people,
            items,
            new LightingTruth(lighting.FlickerAmplitude, lighting.BeatHz, events),
            tamper);
    }

    /// <summary>Overlap of the person's box with each region, sampled at every frame.</summary>
    private static List<RegionOverlap> Overlaps(SceneScript script, ScriptedPerson person)
    {
        var spec = script.Spec;
        var overlaps = new List<RegionOverlap>();
        var first = Math.Max(0, (int)Math.Ceiling(person.Enter * spec.Fps));
        var last = Math.Min(spec.FrameCount - 1, (int)Math.Floor(person.Exit * spec.Fps));
        foreach (var region in script.Regions)
        {
            double? start = null;
            for (var i = first; i <= last + 1; i++)
            {
                var inside = i <= last && person.Box(script.Time(i), script.Aspect) is { } box && box.Intersects(region.Box);
                if (inside && start is null)
                {
                    start = script.Time(i);
                }
                else if (!inside && start is not null)
                {
                    overlaps.Add(new RegionOverlap(region.Name, Round(start.Value), Round(script.Time(i))));
                    start = null;
                }
            }
        }

        return [.. overlaps.OrderBy(o => o.Start)];
    }

    private static string Detail(TamperPlan plan) => plan.Kind switch
    {
        TamperKind.Moved => string.Create(CultureInfo.InvariantCulture, $"view shifted by {plan.ShiftX} of the width and {plan.ShiftY} of the height, rotated {plan.RotateDegrees} degrees"),
        TamperKind.Looped => string.Create(CultureInfo.InvariantCulture, $"the {plan.LoopSeconds} s before the start replayed"),
        TamperKind.Frozen => "the frame before the start repeated byte for byte",
        TamperKind.Dark => "brightness down to 3 %",
        TamperKind.Covered => "a flat-coloured blob over about 85 % of the view",
        _ => "Gaussian blur growing to sigma 6 px at 640 px wide",
    };

    private static double Round(double value) => Math.Round(value, 3);
}
