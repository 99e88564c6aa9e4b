namespace EdgeCredit.Agent.Capture;

/// <summary>A region of interest of a camera. Item of <c>Cameras:Sources:N:Regions</c>.</summary>
internal sealed class RegionOptions
{
    /// <summary>Source name of the region's signals (unique across all meters and regions), for example <c>press-1</c>.</summary>
    public string Name { get; set; } = string.Empty;

    public RegionKind Kind { get; set; } = RegionKind.Machine;

    /// <summary>
    /// The polygon in normalized image coordinates (0..1, origin top left): at least three points "x,y" separated by
    /// spaces, for example <c>"0.10,0.20 0.45,0.20 0.45,0.70 0.10,0.70"</c>.
    /// </summary>
    public string Polygon { get; set; } = string.Empty;
}
