namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>
/// Which crossings of a counting line A→B count. <see cref="Forward"/> is the direction of B−A turned 90° counter-clockwise
/// as seen on screen: for a line drawn from top (A) to bottom (B), left to right; for a line drawn from left to right,
/// bottom to top.
/// </summary>
internal enum CountDirection
{
    Forward,
    Reverse,

    /// <summary>Either way (each object still counts once).</summary>
    Any,
}
