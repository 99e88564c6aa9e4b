using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Signals;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Camera signals of a window: per region <c>activity_index</c> (active seconds / analysed seconds) and, for machines
/// and conveyors, <c>running_seconds</c>; per camera <c>camera_health</c> (healthy seconds / seconds whose state is
/// known: analysed, or reported offline by the capture link); with a detector, per conveyor <c>output_count</c> (items
/// that crossed its counting line) and per station <c>occupied_seconds</c> and <c>people_present</c> (average people
/// over the observed seconds). Only observed time counts: a region with no analysed
/// second in the window, or a camera with no known second, sends nothing; a window only partly observed is flagged
/// <c>gap</c>.
/// </summary>
internal sealed class CameraWindowContributor(VisionAnalyzers analyzers) : IWindowContributor
{
    public IReadOnlyList<Signal> Collect(DateTimeOffset start, DateTimeOffset end)
    {
        var signals = new List<Signal>();
        foreach (var analyzer in analyzers.All)
        {
            signals.AddRange(ToSignals(analyzer.Collect(start, end)));
        }

        return signals;
    }

    public static IEnumerable<Signal> ToSignals(CameraWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var seconds = (int)Math.Round((window.End - window.Start).TotalSeconds);
        foreach (var region in window.Regions.Where(r => r.ObservedSeconds > 0))
        {
            var quality = region.ObservedSeconds < seconds ? SignalQuality.Gap : SignalQuality.Good;
            if (region.ReportsRunning)
            {
                yield return Make(window, region.Region, SignalKind.RunningSeconds, Math.Min(region.RunningSeconds, seconds), quality);
                yield return Make(window, region.Region, SignalKind.HiddenSeconds, Math.Min(region.UnseenSeconds, seconds), quality);
            }

            yield return Make(window, region.Region, SignalKind.ActivityIndex, Math.Round((double)region.ActiveSeconds / region.ObservedSeconds, 4), quality);
        }

        foreach (var count in (window.Counts ?? []).Where(c => c.ObservedSeconds > 0))
        {
            var quality = count.ObservedSeconds < seconds ? SignalQuality.Gap : SignalQuality.Good;
            if (count.Kind == RegionKind.Conveyor)
            {
                yield return Make(window, count.Region, SignalKind.OutputCount, count.Count, quality);
            }
            else
            {
                yield return Make(window, count.Region, SignalKind.OccupiedSeconds, Math.Min(count.OccupiedSeconds, seconds), quality);
                yield return Make(window, count.Region, SignalKind.PeoplePresent, Math.Round(count.PeopleAverage, 3), quality);
            }
        }

        if (window.KnownSeconds > 0)
        {
            var quality = window.KnownSeconds < seconds ? SignalQuality.Gap : SignalQuality.Good;
            yield return Make(window, window.Camera, SignalKind.CameraHealth, Math.Round((double)window.HealthySeconds / window.KnownSeconds, 4), quality);
        }
    }

    private static Signal Make(CameraWindow window, string source, SignalKind kind, double value, SignalQuality quality) => new()
    {
        Start = window.Start,
        End = window.End,
        Source = source,
        Kind = kind,
        Value = value,
        Unit = SignalVocabulary.UnitOf(kind),
        Quality = quality,
    };
}
