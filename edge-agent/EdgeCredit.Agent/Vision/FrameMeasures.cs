namespace EdgeCredit.Agent.Vision;

/// <summary>What the motion pass measured on one frame (grey levels; shares of the unmasked pixels).</summary>
/// <param name="Mean">Mean luminance.</param>
/// <param name="Contrast">Standard deviation of the luminance.</param>
/// <param name="NoiseSigma">Robust sigma of the gain-normalized frame difference (sensor noise), smoothed over frames.</param>
/// <param name="MovingShare">Share of pixels above the motion threshold.</param>
/// <param name="IdenticalShare">Share of pixels exactly equal to the previous frame.</param>
/// <param name="GlobalChange">Too much of the picture changed at once (lights, exposure, shake): no motion evidence.</param>
/// <param name="First">No previous frame to compare with.</param>
internal readonly record struct FrameMeasures(
    double Mean,
    double Contrast,
    double NoiseSigma,
    double MovingShare,
    double IdenticalShare,
    bool GlobalChange,
    bool First);
