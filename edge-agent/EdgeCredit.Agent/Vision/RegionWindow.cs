using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// One region over one window: seconds analysed, running and active among them, those hidden behind people in every
/// frame (state held, not seen), and its state changes.
/// </summary>
internal sealed record RegionWindow(
    string Region,
    RegionKind Kind,
    bool ReportsRunning,
    int ObservedSeconds,
    int RunningSeconds,
    int ActiveSeconds,
    IReadOnlyList<RegionStateChange> Changes,
    int UnseenSeconds = 0);
