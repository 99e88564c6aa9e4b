using System.Globalization;
using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>Prints each clip's figures and the summary with one PASS/FAIL line per goal of issue 4.</summary>
internal static class CameraEvalReport
{
    public const double AccuracyGoal = 0.98;
    public const double DelayGoal = 30;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void PrintScene(ClipResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (truth, o) = (result.Truth!, result.Observation);
        Line($"  {o.Name} ({truth.Set} seed {truth.Seed}, {truth.Seconds} s, {truth.Width}x{truth.Height} at {truth.Fps} fps): {o.Frames} frames {o.Width}x{o.Height} analysed, {o.Dropped} dropped, in {o.Elapsed.TotalSeconds:F1} s; healthy {o.HealthySeconds}/{o.KnownSeconds} s; end: {o.EndReason}");
        if (result.Tamper is { } t)
        {
            Line($"    scored seconds 0-{t.Start - 1} (the {truth.Seconds - t.Start} s from the tamper start on are excluded from running/idle: the camera cannot see the machines)");
        }

        Line($"    {"region",-12} {"scored",6} {"right",6} {"share",7} {"run>idle",8} {"idle>run",8} {"unknown",7} {"true run",8} {"said run",8} {"nobody there: right",20} {"unseen: right",14} {"hidden: flagged",15} {"share*",7}");
        foreach (var r in result.Regions)
        {
            Line($"    {r.Region,-12} {r.Scored,6} {r.RunningRight + r.IdleRight,6} {r.Accuracy,7:P1} {r.RunningReportedIdle,8} {r.IdleReportedRunning,8} {r.Unknown,7} {r.TrueRunning,8} {r.ReportedRunning,8} {string.Create(Invariant, $"{r.ClearRight}/{r.Clear} {r.ClearAccuracy:P1}"),20} {string.Create(Invariant, $"{r.UnseenRight}/{r.Unseen}"),14} {string.Create(Invariant, $"{r.HiddenFlagged}/{r.Hidden}"),15} {r.ObservableAccuracy,7:P1}");
            if (r.Mismatches.Length > 0)
            {
                Line($"      wrong: {r.Mismatches}");
            }
        }

        if (result.Tamper is { } tamper)
        {
            Line(tamper.Detected is { } d
                ? $"    tamper {truth.Tamper!.Kind} from {tamper.Start} s: {d.Condition} reported {tamper.Delay:F1} s after the start ({d})"
                : $"    tamper {truth.Tamper!.Kind} from {tamper.Start} s: {tamper.Expected} NOT reported");
            Line($"    conditions before the tamper (false alarms): {List(tamper.Before)}");
            Line($"    other conditions during the tamper: {List(tamper.OthersDuring)}");
        }
        else
        {
            Line($"    conditions: {List(o.Conditions)}");
        }
    }

    /// <summary>With <paramref name="trace"/> "CLIP/REGION": each second's truth and flags (Observed, Active, Running) of that region.</summary>
    public static void PrintTrace(ClipResult result, string? trace)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = trace?.Split('/');
        if (parts is not [var clip, var region] || clip != result.Observation.Name || result.Truth is null
            || !result.Observation.Regions.TryGetValue(region, out var flags))
        {
            return;
        }

        var regionTruth = result.Truth.Regions.First(r => r.Name == region);
        var truth = regionTruth.PerSecond;
        Line($"    trace {trace}: second truth (moving part in view) flags");
        for (var s = 0; s < flags.Length && s < truth.Count; s++)
        {
            Line($"      {s,5} {(truth[s] == 1 ? "run " : "idle")} {(regionTruth.Visible is { } v ? v[s] : double.NaN),4:0.00} {flags[s]}{(((flags[s] & SecondFlags.Running) != 0) != (truth[s] == 1) ? "   <- wrong" : string.Empty)}");
        }
    }

    public static void PrintReal(string file, ClipResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Observation;
        var view = o.Regions.TryGetValue("view", out var flags) ? flags : [];
        var observed = view.Count(f => (f & SecondFlags.Observed) != 0);
        var active = view.Count(f => (f & SecondFlags.Active) != 0);
        Line($"  {file}: {o.Frames} frames {o.Width}x{o.Height} ({o.Seconds} s) in {o.Elapsed.TotalSeconds:F1} s, {o.Dropped} dropped; view active {active}/{observed} s; healthy {o.HealthySeconds}/{o.KnownSeconds} s ({Share(o.HealthySeconds, o.KnownSeconds)}); end: {o.EndReason}");
        Line($"    conditions: {List(o.Conditions)}");
    }

    /// <summary>The summary table and the goal lines; true when every goal passed.</summary>
    public static bool PrintSummary(IReadOnlyList<ClipResult> results, bool quick)
    {
        ArgumentNullException.ThrowIfNull(results);
        Line("Summary");
        Line($"  {"clip",-36} {"seconds",7} {"worst region",22} {"all regions",11} {"tamper",-26} {"conditions",10} {"running s",9} {"healthy",7}");
        foreach (var r in results)
        {
            var o = r.Observation;
            var worst = r.Regions.OrderBy(s => s.Accuracy).FirstOrDefault();
            var scored = r.Regions.Sum(s => s.Scored);
            var right = r.Regions.Sum(s => s.RunningRight + s.IdleRight);
            var tamper = r.Tamper is null ? "-" : r.Tamper.Detected is null ? $"{r.Tamper.Expected} MISSED" : string.Create(Invariant, $"{r.Tamper.Expected} after {r.Tamper.Delay:F1} s");
            var running = r.Regions.Sum(s => s.ReportedRunning);
            Line($"  {o.Name,-36} {o.Seconds,7} {(worst is null ? "-" : string.Create(Invariant, $"{worst.Region} {worst.Accuracy:P1}")),22} {(scored == 0 ? "-" : Share(right, scored)),11} {tamper,-26} {o.Conditions.Count,10} {(r.IsReal ? "-" : running.ToString(Invariant)),9} {Share(o.HealthySeconds, o.KnownSeconds),7}");
        }

        Line();
        var all = true;
        void Goal(bool pass, string goal, string detail)
        {
            all &= pass;
            Line($"{(pass ? "PASS" : "FAIL")}  {goal}: {detail}");
        }

        var regions = results.SelectMany(r => r.Regions).ToList();
        var low = regions.Where(s => s.Accuracy < AccuracyGoal).ToList();
        Goal(low.Count == 0, "running/idle right for >= 98 % of seconds per region",
            $"{regions.Count - low.Count}/{regions.Count} regions; worst {Worst(regions)}{(low.Count == 0 ? string.Empty : "; below: " + string.Join(", ", low.Select(s => string.Create(Invariant, $"{s.Clip}/{s.Region} {s.Accuracy:P1}"))))}");

        var seenLow = regions.Where(s => s.SeenAccuracy < AccuracyGoal).ToList();
        var seen = regions.Sum(s => s.Scored - s.Unknown - s.Unseen);
        var seenRight = regions.Sum(s => s.RunningRight + s.IdleRight - s.UnseenRight);
        Line(string.Create(Invariant, $"info  running/idle on the seconds each region was seen (the agent flags a second whose every frame had the region hidden behind people as unseen, its state held: {regions.Sum(s => s.Unseen)} of {regions.Sum(s => s.Scored)} scored region-seconds, {regions.Sum(s => s.Unseen - s.UnseenRight)} of them wrong): {regions.Count - seenLow.Count}/{regions.Count} regions >= 98 %, {(double)seenRight / Math.Max(1, seen):P2} of {seen} seen seconds right{(seenLow.Count == 0 ? string.Empty : "; below: " + string.Join(", ", seenLow.Select(s => string.Create(Invariant, $"{s.Clip}/{s.Region} {s.SeenAccuracy:P1}"))))}"));
        var observableLow = regions.Where(s => s.ObservableAccuracy < AccuracyGoal).ToList();
        Line(string.Create(Invariant, $"info  people's cover from the truth (share of each moving part in view in a second's best frame): {regions.Sum(s => s.Hidden)} scored region-seconds had less than {SceneScorer.HiddenBelow:P0} in view (no camera could judge them), {regions.Sum(s => s.HiddenFlagged)} of them flagged unseen; {regions.Sum(s => s.OverHidden)} of the {regions.Sum(s => s.Unseen)} seconds flagged unseen had at least that much in view (the agent hid more than the people covered). Counting a flagged second no camera could judge as right (share*): {regions.Count - observableLow.Count}/{regions.Count} regions >= 98 %"));
        var clearLow = regions.Where(s => s.ClearAccuracy < AccuracyGoal).ToList();
        Line(string.Create(Invariant, $"info  running/idle on the seconds with nobody at the region (±1 s; {regions.Sum(s => s.Clear)} of {regions.Sum(s => s.Scored)} scored region-seconds): {regions.Count - clearLow.Count}/{regions.Count} regions >= 98 %, {(double)regions.Sum(s => s.ClearRight) / Math.Max(1, regions.Sum(s => s.Clear)):P2} of those seconds right{(clearLow.Count == 0 ? string.Empty : "; below: " + string.Join(", ", clearLow.Select(s => string.Create(Invariant, $"{s.Clip}/{s.Region} {s.ClearAccuracy:P1} ({s.ClearRight}/{s.Clear})"))))}"));

        var tampers = results.Where(r => r.IsTamper).Select(r => r.Tamper!).ToList();
        var late = tampers.Where(t => t.Delay is null or > DelayGoal).ToList();
        Goal(late.Count == 0, "every tamper case reported within 30 s",
            $"{tampers.Count - late.Count}/{tampers.Count}; delays {string.Join(", ", tampers.Select(t => t.Delay is { } d ? string.Create(Invariant, $"{t.Expected} {d:F1} s") : $"{t.Expected} missed"))}");

        var falseAlarms = results.Where(r => !r.IsReal && !r.IsTamper).SelectMany(r => r.Observation.Conditions.Select(c => $"{r.Observation.Name}: {c}"))
            .Concat(tampers.SelectMany(t => t.Before.Select(c => $"{t.Clip} before the tamper: {c}"))).ToList();
        Goal(falseAlarms.Count == 0, $"no condition on normal or nuisance footage{(quick ? " (hour-long scenes skipped: --quick)" : " (hours included)")} nor before a tamper",
            falseAlarms.Count == 0 ? "none" : string.Join("; ", falseAlarms));

        var nuisanceRunning = results.Where(r => r.IsNuisance).SelectMany(r => r.Regions.Where(s => s.ReportedRunning > 0).Select(s => $"{s.Clip}/{s.Region} {s.ReportedRunning} s")).ToList();
        Goal(nuisanceRunning.Count == 0, "no running second on nuisance-only footage",
            nuisanceRunning.Count == 0 ? string.Create(Invariant, $"0 of {results.Where(r => r.IsNuisance).Sum(r => r.Regions.Sum(s => s.Scored))} region-seconds") : string.Join(", ", nuisanceRunning));

        var otherDuring = tampers.SelectMany(t => t.OthersDuring.Select(c => $"{t.Clip}: {c.Condition} after {c.ReportedAt - t.Start:F1} s")).ToList();
        Line($"info  other conditions during tampers: {(otherDuring.Count == 0 ? "none" : string.Join("; ", otherDuring))}");

        var real = results.Where(r => r.IsReal).ToList();
        var realBad = real.SelectMany(r => r.Observation.Conditions.Where(c => c.Condition is CameraCondition.Moved or CameraCondition.Frozen or CameraCondition.Looped).Select(c => $"{r.Observation.Name}: {c}")).ToList();
        var realOther = real.SelectMany(r => r.Observation.Conditions.Where(c => c.Condition is not (CameraCondition.Moved or CameraCondition.Frozen or CameraCondition.Looped)).Select(c => $"{r.Observation.Name}: {c}")).ToList();
        Goal(realBad.Count == 0 && real.Count > 0, "no moved, frozen or looped on the real clips (each played once)",
            real.Count == 0 ? "no real clips found" : realBad.Count == 0 ? $"none on {real.Count} clips" : string.Join("; ", realBad));
        Line($"info  other conditions on the real clips: {(realOther.Count == 0 ? "none" : string.Join("; ", realOther))}");
        return all;
    }

    private static string Worst(List<RegionScore> regions) =>
        regions.OrderBy(s => s.Accuracy).FirstOrDefault() is { } w ? string.Create(Invariant, $"{w.Clip}/{w.Region} {w.Accuracy:P1}") : "-";

    private static string List(IReadOnlyList<ConditionEpisode> conditions) =>
        conditions.Count == 0 ? "none" : string.Join("; ", conditions);

    private static string Share(int part, int whole) =>
        whole == 0 ? "-" : string.Create(Invariant, $"{(double)part / whole:P1}");

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(Invariant));

    private static void Line(string text = "") => Console.WriteLine(text);
}
