using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>
/// What the capture + vision stages said about one clip: per region its flags for every second of the clip (index =
/// second from the clip start; <see cref="SecondFlags.None"/> = never analysed), the conditions, the camera's healthy
/// share and the capture's counters.
/// </summary>
internal sealed record ClipObservation(
    string Name,
    long Frames,
    long Dropped,
    int Width,
    int Height,
    int Seconds,
    IReadOnlyDictionary<string, SecondFlags[]> Regions,
    IReadOnlyList<ConditionEpisode> Conditions,
    int HealthySeconds,
    int KnownSeconds,
    string EndReason,
    TimeSpan Elapsed);
