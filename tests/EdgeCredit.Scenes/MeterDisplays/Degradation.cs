namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>What the camera adds to a meter display (one per rendered case; <see cref="Clean"/> still has sensor noise σ 2).</summary>
internal enum Degradation
{
    Clean,

    /// <summary>Defocus: Gaussian blur, σ 1.2 to 2.2 px at a digit height of about 35 px.</summary>
    Blur,

    /// <summary>Sensor noise: Gaussian, σ 10 to 18 grey levels.</summary>
    Noise,

    /// <summary>A reflection: a bright soft ellipse over part of the display, washing it out up to 55 %.</summary>
    Glare,

    /// <summary>The camera off-axis: corners of the meter moved by up to 12 % of its size, and a roll of up to ±7°.</summary>
    Perspective,
}
