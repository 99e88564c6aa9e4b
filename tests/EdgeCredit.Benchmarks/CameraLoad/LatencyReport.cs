using System.Globalization;

namespace EdgeCredit.Benchmarks.CameraLoad;

/// <summary>
/// Matches each truth change (region, new state, time T) to the first state_changed event of that region and state
/// whose backdated <c>at</c> lies in [T - 3 s, the region's next truth change) and that arrived within 60 s; prints the
/// latency split into the vision stage's decision (agent log 6107 stamp - T: hysteresis) and the rest (arrival -
/// decision: waiting for the window to close, building the batch, the outbox and the MQTT publish).
/// </summary>
internal static class LatencyReport
{
    public static void Print(
        List<(string Region, string State, DateTimeOffset At)> changes,
        List<(string Region, string State, DateTimeOffset At, DateTimeOffset Arrived)> events,
        List<(string Region, string State, DateTimeOffset At, DateTimeOffset Logged)> decisions)
    {
        var used = new bool[events.Count];
        var total = new List<double>();
        var decided = new List<double>();
        var afterDecision = new List<double>();
        var backdating = new List<double>();
        var missedStretches = new List<double>();
        var missedRegions = new List<string>();
        foreach (var change in changes)
        {
            var next = changes.Where(c => c.Region == change.Region && c.At > change.At).Select(c => c.At).DefaultIfEmpty(change.At.AddSeconds(120)).Min();
            var i = Enumerable.Range(0, events.Count).FirstOrDefault(j => !used[j] && events[j].Region == change.Region && events[j].State == change.State
                && events[j].At >= change.At.AddSeconds(-3) && events[j].At < next && events[j].Arrived <= change.At.AddSeconds(60), -1);
            if (i < 0)
            {
                missedStretches.Add((next - change.At).TotalSeconds);
                missedRegions.Add(change.Region + " " + change.State);
                continue;
            }

            used[i] = true;
            var e = events[i];
            total.Add((e.Arrived - change.At).TotalSeconds);
            backdating.Add((e.At - change.At).TotalSeconds);
            if (decisions.FirstOrDefault(d => d.Region == e.Region && d.State == e.State && d.At == e.At) is { Region: not null } d)
            {
                decided.Add((d.Logged - change.At).TotalSeconds);
                afterDecision.Add((e.Arrived - d.Logged).TotalSeconds);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  truth changes {changes.Count}, matched {total.Count}, not reported {missedStretches.Count}{(missedStretches.Count > 0 ? $" (the stretches they begin last {string.Join(", ", missedStretches.Order().Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))} s)" : string.Empty)}, state_changed events matching no change {used.Count(u => !u)}{Beyond(changes, events, used)}"));
        if (missedRegions.Count > 0)
        {
            Console.WriteLine("  not reported, by region and new state: " + string.Join(", ", missedRegions.GroupBy(r => r).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}")));
        }

        Console.WriteLine($"  latency truth -> MQTT subscriber:          {Line(total)}");
        Console.WriteLine($"    decision by the vision stage (log 6107): {Line(decided)}");
        Console.WriteLine($"    decision -> subscriber (window + send):  {Line(afterDecision)}");
        Console.WriteLine($"  event 'at' (backdated) - truth:            {Line(backdating)}");
    }

    /// <summary>How many of the unmatched events lie after the last counted change (changes there are not counted).</summary>
    private static string Beyond(
        List<(string Region, string State, DateTimeOffset At)> changes,
        List<(string Region, string State, DateTimeOffset At, DateTimeOffset Arrived)> events,
        bool[] used)
    {
        if (changes.Count == 0)
        {
            return string.Empty;
        }

        var last = changes.Max(c => c.At);
        var beyond = Enumerable.Range(0, events.Count).Count(i => !used[i] && events[i].At > last.AddSeconds(3));
        return string.Create(CultureInfo.InvariantCulture, $" ({beyond} of them after the last counted change)");
    }

    private static string Line(List<double> v) => v.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentiles.Of(v, 50):F1} s, p99 {Percentiles.Of(v, 99):F1} s, min {v.Min():F1} s, max {v.Max():F1} s (n={v.Count})");
}
