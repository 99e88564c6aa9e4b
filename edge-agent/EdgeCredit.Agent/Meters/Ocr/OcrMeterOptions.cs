namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>One meter read from its display. Item of <c>MeterOcr:Meters</c>.</summary>
internal sealed class OcrMeterOptions
{
    /// <summary>Source name in signals (unique across all meters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The camera that sees the meter: <c>rtsp://</c>, <c>http://</c>, a file, or <c>/dev/videoN</c>. Empty when <see cref="Camera"/> is set.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>
    /// Or the name of a camera of <c>Cameras:Sources</c> that also sees the meter: its ffmpeg writes the meter's frames
    /// too (a still at <see cref="FrameWidth"/> twice per <see cref="ReadInterval"/>), so the camera is opened and decoded
    /// once for both. Empty when <see cref="Url"/> is set.
    /// </summary>
    public string Camera { get; set; } = string.Empty;

    /// <summary>Width the camera's frames are decoded at (320 .. 3840 px; default 1280). The digits should be 20 px high or more.</summary>
    public int FrameWidth { get; set; } = 1280;

    /// <summary>The meter in the frame: polygon "x,y x,y x,y ..." in fractions of the image (its bounding box is read).</summary>
    public string Region { get; set; } = string.Empty;

    /// <summary>How often the display is read (5 s .. 1 h; default 30 s).</summary>
    public TimeSpan ReadInterval { get; set; } = TimeSpan.FromSeconds(30);

    public DisplayKind Kind { get; set; } = DisplayKind.Lcd;

    /// <summary>Digits of the register in all, decimals included (1 .. 12).</summary>
    public int Digits { get; set; } = 7;

    /// <summary>Digits after the decimal point, drawn or implied (0 .. Digits - 1).</summary>
    public int Decimals { get; set; } = 1;

    /// <summary>False when the display blanks leading zeros (then fewer digits are accepted).</summary>
    public bool LeadingZerosShown { get; set; } = true;

    /// <summary>The most the metered load can draw, kW (0.01 .. 100000): the register may not advance faster.</summary>
    public double MaxKilowatts { get; set; }

    /// <summary>Without an accepted reading for this long the meter's readings are flagged stale. Default 3 × ReadInterval.</summary>
    public TimeSpan? StaleAfter { get; set; }

    public TimeSpan EffectiveStaleAfter => StaleAfter ?? (ReadInterval * 3);

    public RegisterFormat Format => new(Digits, Decimals, LeadingZerosShown);
}
