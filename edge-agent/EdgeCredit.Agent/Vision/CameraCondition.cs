namespace EdgeCredit.Agent.Vision;

/// <summary>A health or tamper condition of a camera.</summary>
internal enum CameraCondition
{
    /// <summary>The capture link is down (from the capture stage's link state).</summary>
    Offline,

    /// <summary>Mean luminance below <see cref="VisionOptions.DarkLuminance"/>.</summary>
    Dark,

    /// <summary>The view is uniform, without texture (lens covered, sprayed, pointed at a wall), dark or not.</summary>
    Covered,

    /// <summary>Sharpness far below the reference's.</summary>
    Defocused,

    /// <summary>Consecutive frames identical beyond sensor noise.</summary>
    Frozen,

    /// <summary>The sequence of frames repeats (a recording played in a loop).</summary>
    Looped,

    /// <summary>The scene no longer matches the commissioning reference.</summary>
    Moved,
}
