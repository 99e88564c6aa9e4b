namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Meters read from their display by a camera (PP-OCRv4 from the model catalogue). Section <c>MeterOcr</c>. The models
/// are resolved through <c>Inference:ModelsDirectory</c> and <c>Inference:CacheDirectory</c> (fill the cache with
/// models/ppocr-v4/fetch.sh).
/// </summary>
internal sealed class MeterOcrOptions
{
    public const string SectionName = "MeterOcr";

    /// <summary>Catalogue reference of the text detector.</summary>
    public string DetectionModel { get; set; } = PpOcrEngine.DefaultDetectionModel;

    /// <summary>Catalogue reference of the text recogniser.</summary>
    public string RecognitionModel { get; set; } = PpOcrEngine.DefaultRecognitionModel;

    /// <summary>Longer side of the detector's input in pixels (320 .. 1280; default 640). Larger finds smaller digits and costs more.</summary>
    public int DetectionSide { get; set; } = MeterOcrDefaults.DetectionSide;

    /// <summary>Lowest confidence any digit of a reading may have (0.5 .. 0.99; default 0.8).</summary>
    public double MinConfidence { get; set; } = MeterOcrDefaults.MinConfidence;

    /// <summary>Refused readings in a row, consistent with each other, that become a new baseline (3 .. 1000; default 10).</summary>
    public int RebaselineAfter { get; set; } = MeterOcrDefaults.RebaselineAfter;

    /// <summary>The ffmpeg that decodes the meter cameras.</summary>
    public string FfmpegPath { get; set; } = "/usr/bin/ffmpeg";

    public IList<OcrMeterOptions> Meters { get; } = [];
}
