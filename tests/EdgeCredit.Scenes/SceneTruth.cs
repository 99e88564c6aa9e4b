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

/// <param name="Kind">RegionKind name, as in configuration: Machine or Conveyor.</param>
/// <param name="Machine">press, lathe or flywheel; null for a conveyor.</param>
/// <param name="Polygon">Same syntax as RegionOptions.Polygon.</param>
/// <param name="Rate">Strokes or turns per running second; for a conveyor, image widths per running second.</param>
/// <param name="PerSecond">1 running, 0 idle, one entry per second of the clip.</param>
internal sealed record RegionTruth(string Name, string Kind, string? Machine, string Polygon, double Rate, IReadOnlyList<int> PerSecond, IReadOnlyList<Interval> Runs);

internal sealed record Interval(double Start, double End);

/// <param name="Regions">Each stretch during which the person's bounding box overlaps a region.</param>
internal sealed record PersonTruth(int Id, double Enter, double Exit, string Direction, IReadOnlyList<Interval> Pauses, IReadOnlyList<RegionOverlap> Regions);

internal sealed record RegionOverlap(string Name, double Start, double End);

/// <param name="Enter">When the item's front edge enters the view (0 if on the belt at the start); null if it never does.</param>
/// <param name="Exit">When its back edge leaves the view; null if it does not within the clip.</param>
internal sealed record ItemTruth(int Id, string Region, double? Enter, double? Exit);

internal sealed record LightingTruth(double FlickerAmplitude, double FlickerBeatHz, IReadOnlyList<LightingEvent> Events);

/// <param name="Kind">drift (sinusoid over the whole clip) or step (lights switched: brightness becomes Level times the drift).</param>
internal sealed record LightingEvent(string Kind, double Time, double? Level = null, double? Amplitude = null, double? PeriodSeconds = null);

/// <param name="Kind">dark, covered, defocused, frozen, looped or moved.</param>
/// <param name="Start">First second of the tamper; it lasts to the end of the clip.</param>
internal sealed record TamperTruth(string Kind, int Start, double TransitionSeconds, string Detail);
