namespace EdgeCredit.Scenes;

/// <summary>A person overlapping a region from Start to End, in seconds.</summary>
internal sealed record RegionOverlap(string Name, double Start, double End);
