using EdgeCredit.Agent.Vision.Counting;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// One camera over one window [Start, End): its regions, the seconds whose health is known (analysed, or reported
/// offline by the capture link), the healthy ones among them, the conditions that overlapped the window, and the counting regions' counts and occupancy (none without a detector).
/// </summary>
internal sealed record CameraWindow(
    string Camera,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<RegionWindow> Regions,
    int KnownSeconds,
    int HealthySeconds,
    IReadOnlyList<CameraConditionRecord> Conditions,
    IReadOnlyList<CountingWindow>? Counts = null);
