namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>Counting settings of one conveyor region (<c>Detection:Regions:{name}</c>).</summary>
internal sealed class CountingRegionOptions
{
    /// <summary>The counting line, two points in normalised image coordinates "x,y x,y" (A then B); empty: a vertical line through the middle of the region's bounding box, drawn top to bottom.</summary>
    public string Line { get; set; } = string.Empty;

    public CountDirection Direction { get; set; } = CountDirection.Any;
}
