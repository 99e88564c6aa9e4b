namespace EdgeCredit.Scenes;

/// <param name="Regions">Each stretch during which the person's bounding box overlaps a region.</param>
internal sealed record PersonTruth(int Id, double Enter, double Exit, string Direction, IReadOnlyList<Interval> Pauses, IReadOnlyList<RegionOverlap> Regions);
