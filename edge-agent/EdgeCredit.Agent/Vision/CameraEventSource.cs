using EdgeCredit.Agent.Signals;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Turns what the analyzers decided into protocol events for the window's batch: a camera condition that began
/// (<c>condition_started</c> with its confidence, <c>since</c> = its first evidence) or ended (<c>condition_ended</c>
/// with the span), and a region that started or stopped running (<c>state_changed</c>, backdated to its evidence).
/// </summary>
internal sealed class CameraEventSource(VisionAnalyzers analyzers, TimeProvider time) : IEventSource
{
    public IReadOnlyList<DeviceEvent> TakeEvents()
    {
        var now = time.GetUtcNow();
        var events = new List<DeviceEvent>();
        foreach (var analyzer in analyzers.All)
        {
            foreach (var c in analyzer.TakeConditionChanges())
            {
                var at = c.Until ?? (c.Since > now ? c.Since : now);
                events.Add(new DeviceEvent
                {
                    At = at,
                    Source = c.Camera,
                    Type = c.Until is null ? EventType.ConditionStarted : EventType.ConditionEnded,
                    Condition = Map(c.Condition),
                    Confidence = Math.Round(Math.Clamp(c.Confidence, 0, 1), 3),
                    Since = c.Since <= at ? c.Since : at,
                });
            }

            foreach (var change in analyzer.TakeStateChanges())
            {
                events.Add(new DeviceEvent { At = change.At, Source = change.Region, Type = EventType.StateChanged, State = change.Running ? "running" : "idle" });
            }
        }

        return events;
    }

    private static EventCondition Map(CameraCondition condition) => condition switch
    {
        CameraCondition.Offline => EventCondition.Offline,
        CameraCondition.Dark => EventCondition.Dark,
        CameraCondition.Covered => EventCondition.Covered,
        CameraCondition.Defocused => EventCondition.Defocused,
        CameraCondition.Frozen => EventCondition.Frozen,
        CameraCondition.Looped => EventCondition.Looped,
        CameraCondition.Moved => EventCondition.Moved,
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "unknown camera condition"),
    };
}
