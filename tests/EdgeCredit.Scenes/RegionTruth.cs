namespace EdgeCredit.Scenes;

/// <param name="Kind">RegionKind name, as in configuration: Machine or Conveyor.</param>
/// <param name="Machine">press, lathe or flywheel; null for a conveyor.</param>
/// <param name="Polygon">Same syntax as RegionOptions.Polygon.</param>
/// <param name="Rate">Strokes or turns per running second; for a conveyor, image widths per running second.</param>
/// <param name="PerSecond">1 running, 0 idle, one entry per second of the clip.</param>
internal sealed record RegionTruth(string Name, string Kind, string? Machine, string Polygon, double Rate, IReadOnlyList<int> PerSecond, IReadOnlyList<Interval> Runs);
