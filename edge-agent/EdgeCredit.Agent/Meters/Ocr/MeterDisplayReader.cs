using System.Diagnostics;
using OpenCvSharp;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Reads a meter's register from a grey image of its display: PP-OCR text detection finds the digit line (pieces on one
/// line joined; a tilted or perspective-distorted line is cut out through its minimum-area rectangle and warped
/// upright), PP-OCR recognition reads it, digits and a decimal point only, and <see cref="RegisterParser"/> checks the
/// configured format. Characters below <see cref="MinConfidence"/> refuse the reading: a drum wheel caught between two
/// digits gives a low-confidence character rather than a wrong accepted one. Borrows the detector and recogniser.
/// Not thread-safe.
/// </summary>
internal sealed class MeterDisplayReader(TextDetector detector, TextRecognizer recognizer, RegisterFormat format, float minConfidence)
{
    public RegisterFormat Format { get; } = format ?? throw new ArgumentNullException(nameof(format));

    public float MinConfidence { get; } = minConfidence;

    /// <summary>Reads the display inside <paramref name="region"/> (pixels) of <paramref name="grey"/>.</summary>
    public DisplayReading Read(Mat grey, Rect region)
    {
        ArgumentNullException.ThrowIfNull(grey);
        var clipped = region.Intersect(new Rect(0, 0, grey.Width, grey.Height));
        if (clipped.Width < 8 || clipped.Height < 8)
        {
            return new DisplayReading(string.Empty, 0, null, ReadingRejection.NoText, 0, 0);
        }

        using var roi = new Mat(grey, clipped);
        return Read(roi);
    }

    /// <summary>Reads the display filling <paramref name="display"/> (grey).</summary>
    public DisplayReading Read(Mat display)
    {
        ArgumentNullException.ThrowIfNull(display);
        var clock = Stopwatch.StartNew();
        var boxes = detector.Detect(display);
        var line = DbPostProcessor.MainLine(boxes);
        var detectMs = clock.Elapsed.TotalMilliseconds;
        if (line is null)
        {
            return new DisplayReading(string.Empty, 0, null, ReadingRejection.NoText, detectMs, 0);
        }

        clock.Restart();
        using var crop = TextRecognizer.Crop(display, line);
        var text = recognizer.Read(crop);
        var recognizeMs = clock.Elapsed.TotalMilliseconds;
        var confidence = text.MinDigitConfidence;
        if (text.Text.Length == 0)
        {
            return new DisplayReading(string.Empty, 0, null, ReadingRejection.NoText, detectMs, recognizeMs) { Line = line };
        }

        var rejection = RegisterParser.TryParse(text.Text, Format, out var units);
        if (rejection == ReadingRejection.None && confidence < MinConfidence)
        {
            rejection = ReadingRejection.LowConfidence;
        }

        return new DisplayReading(text.Text, confidence, rejection == ReadingRejection.None ? units : null, rejection, detectMs, recognizeMs) { Line = line };
    }
}
