namespace EdgeCredit.Scenes;

/// <summary>Ground truth written beside a rendered video (schema in README.md). Times are seconds from the first frame.</summary>
internal sealed record SceneTruth(
    string Schema,
    string Scene,
    string Set,
    int Seed,
    int Width,
    int Height,
    int Fps,
    int Seconds,
    int Frames,
    string? Video,
    string FramesSha256,
    double NoiseSigma,
    IReadOnlyList<RegionTruth> Regions,
    IReadOnlyList<PersonTruth> People,
    IReadOnlyList<ItemTruth> Items,
    LightingTruth Lighting,
    TamperTruth? Tamper);
