namespace EdgeCredit.Scenes;

/// <param name="Kind">RegionKind name, as in configuration: Machine or Conveyor.</param>
/// <param name="Machine">press, lathe or flywheel; null for a conveyor.</param>
/// <param name="Polygon">Same syntax as RegionOptions.Polygon.</param>
/// <param name="Rate">Strokes or turns per running second; for a conveyor, image widths per running second.</param>
/// <param name="PerSecond">1 running, 0 idle, one entry per second of the clip.</param>
/// <param name="Visible">
/// Per second, the share of the moving part's sweep (the press's ram travel, the chuck, the wheel, the belt) not covered by
/// a person drawn in front of it, in the second's best frame; null in truth files written before it existed.
/// </param>
internal sealed record RegionTruth(string Name, string Kind, string? Machine, string Polygon, double Rate, IReadOnlyList<int> PerSecond, IReadOnlyList<Interval> Runs, IReadOnlyList<double>? Visible = null);
