namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>Everything one OCR meter is built from: its options and the section-wide settings.</summary>
internal sealed record OcrMeterSetup(OcrMeterOptions Meter, float MinConfidence, int RebaselineAfter, string FfmpegPath);
