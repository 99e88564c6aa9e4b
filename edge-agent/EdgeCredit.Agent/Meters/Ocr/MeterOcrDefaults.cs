namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>Defaults of the meter OCR options, shared with the evaluation and the tests.</summary>
internal static class MeterOcrDefaults
{
    /// <summary>
    /// Where models/ppocr-v4/fetch.sh puts the models: <c>$EDGECREDIT_MODEL_CACHE</c>, else
    /// <c>~/.cache/edgecredit/models</c> (point <c>Inference:CacheDirectory</c> at it).
    /// </summary>
    public static string FetchCache
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("EDGECREDIT_MODEL_CACHE");
            return string.IsNullOrEmpty(cache)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "edgecredit", "models")
                : cache;
        }
    }

    /// <summary>Longer side of the detector's input, pixels.</summary>
    public const int DetectionSide = 640;

    /// <summary>Lowest per-character confidence a reading may have.</summary>
    public const float MinConfidence = 0.8f;

    /// <summary>Consistent refused readings in a row that become a new baseline (meter replaced or reset).</summary>
    public const int RebaselineAfter = 10;
}
