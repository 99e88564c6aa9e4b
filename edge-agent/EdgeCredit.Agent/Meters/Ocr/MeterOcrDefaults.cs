namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>Defaults of the meter OCR options, shared with the evaluation and the tests.</summary>
internal static class MeterOcrDefaults
{
    /// <summary>Longer side of the detector's input, pixels.</summary>
    public const int DetectionSide = 640;

    /// <summary>Lowest per-character confidence a reading may have.</summary>
    public const float MinConfidence = 0.8f;

    /// <summary>Consistent refused readings in a row that become a new baseline (meter replaced or reset).</summary>
    public const int RebaselineAfter = 10;
}
