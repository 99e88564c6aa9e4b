using System.Diagnostics;
using OpenCvSharp;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Reads a meter's register from a grey image of its display: PP-OCR text detection finds the digit line (pieces on one
/// line joined; a tilted or perspective-distorted line is cut out through its minimum-area rectangle and warped
/// upright, and turned dark-on-light when its digits are bright), PP-OCR recognition reads it, digits and a decimal point only, and <see cref="RegisterParser"/> checks the
/// configured format. Before recognition the faint unlit segments of LCD and LED digits are whited out
/// (<see cref="GhostSegments"/>), and a line read with one or two digits too few is read again lengthened by their
/// width (<see cref="ReadLonger"/>). Characters below <see cref="MinConfidence"/> refuse the reading: a drum wheel caught between two
/// digits gives a low-confidence character rather than a wrong accepted one. With <see cref="Variants"/> the line is also
/// read softened (Gaussian blur), and two views that parse but disagree refuse the reading (tune seeds: 143 of 150
/// exact with it, 142 without; it doubles the recognition time). Borrows the detector and recogniser.
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
        var result = ReadLine(display, line);
        if (result.Rejection == ReadingRejection.DigitCount)
        {
            result = ReadLonger(display, line, result) ?? result;
        }

        var recognizeMs = clock.Elapsed.TotalMilliseconds;
        return result with { DetectMs = detectMs, RecognizeMs = recognizeMs, Line = result.Line ?? line };
    }

    /// <summary>Most digits a line may lack for <see cref="ReadLonger"/> to look for them.</summary>
    public const int MaxMissingDigits = 2;

    /// <summary>
    /// A line read with too few digits, read again with the line lengthened along its axis by the missing digits' width
    /// (the width of one digit taken from the line as read), first to the right, then to the left. The detector misses
    /// a narrow digit standing apart: a 1 drawn at the right of its cell, a decimal wheel of another colour. The new
    /// reading stands only when it parses and the digits read before are its start (lengthened to the right) or its
    /// end (to the left), so a lengthened line can add digits but never change the ones it had. Null when neither
    /// side gives one.
    /// </summary>
    private DisplayReading? ReadLonger(Mat display, TextBox line, DisplayReading shortRead)
    {
        var digits = DigitsOf(shortRead.Text);
        var missing = Format.Digits - digits.Length;
        if (digits.Length == 0 || missing < 1 || missing > MaxMissingDigits)
        {
            return null;
        }

        var step = line.Width / digits.Length * missing;
        foreach (var toRight in (ReadOnlySpan<bool>)[true, false])
        {
            var longer = line.Lengthened(toRight ? step : 0, toRight ? 0 : step, display.Width, display.Height);
            if (longer is null)
            {
                continue;
            }

            var read = ReadLine(display, longer);
            var found = DigitsOf(read.Text);
            if (read.Units is not null && (toRight ? found.StartsWith(digits, StringComparison.Ordinal) : found.EndsWith(digits, StringComparison.Ordinal)))
            {
                return read with { Line = longer };
            }
        }

        return null;
    }

    private DisplayReading ReadLine(Mat display, TextBox line)
    {
        using var crop = TextRecognizer.Crop(display, line);
        TextRecognizer.MakeDarkOnLight(crop);
        if (GhostSegments)
        {
            TextRecognizer.SuppressGhosts(crop);
        }

        var first = Judge(recognizer.Read(crop));
        if (!Variants)
        {
            return first;
        }

        // A second view of the same crop, softened (closes the gaps between seven-segment strokes, evens out noise).
        // A reading stands only when every view that parses agrees with it; views that disagree refuse it.
        using var soft = new Mat();
        Cv2.GaussianBlur(crop, soft, new Size(0, 0), Math.Max(0.8, crop.Height / SoftDivisor));
        var second = Judge(recognizer.Read(soft));
        return Combine(first, second);
    }

    /// <summary>
    /// The softened view's blur sigma is the crop height divided by this. Chosen on tune seeds (300 displays): /40 gave
    /// 281 exact and 4 wrong accepted, /20 280 and 1, /12 205 and 0 (too soft: most readings refused).
    /// </summary>
    public const double SoftDivisor = 20;

    /// <summary>
    /// True (the default): the display draws its digits with segments whose unlit ones stay faintly visible (LCD,
    /// LED), which <see cref="TextRecognizer.SuppressGhosts"/> whites out before recognition. False for drums: their
    /// wheels have no ghosts, and the black gaps between the wheels would set the cut above a blurred digit's grey
    /// (tune seeds, blurred drums: 38 of 40 exact with the cut, 39 without).
    /// </summary>
    public bool GhostSegments { get; init; } = true;

    /// <summary>True: read a second, softened view of the line and require agreement (the default).</summary>
    public bool Variants { get; init; } = true;

    private static DisplayReading Combine(DisplayReading a, DisplayReading b)
    {
        if (a.Units is { } ua && b.Units is { } ub)
        {
            return ua == ub
                ? (a.Confidence >= b.Confidence ? a : b)
                : a with { Units = null, Rejection = ReadingRejection.LowConfidence, Confidence = Math.Min(a.Confidence, b.Confidence) };
        }

        if (a.Units is not null || b.Units is not null)
        {
            var accepted = a.Units is not null ? a : b;
            var other = a.Units is not null ? b : a;
            // The other view found the same digits but less surely (or lost the point): the reading stands.
            return DigitsOf(other.Text) == DigitsOf(accepted.Text) || other.Rejection == ReadingRejection.NoText
                ? accepted
                : accepted with { Units = null, Rejection = ReadingRejection.LowConfidence };
        }

        return a.Confidence >= b.Confidence ? a : b;
    }

    private static string DigitsOf(string text) => text.Replace(".", string.Empty, StringComparison.Ordinal);

    private DisplayReading Judge(RecognizedText text)
    {
        var confidence = text.MinDigitConfidence;
        if (text.Text.Length == 0)
        {
            return new DisplayReading(string.Empty, 0, null, ReadingRejection.NoText, 0, 0);
        }

        var rejection = RegisterParser.TryParse(text.Text, Format, out var units);
        if (rejection == ReadingRejection.None && confidence < MinConfidence)
        {
            rejection = ReadingRejection.LowConfidence;
        }

        return new DisplayReading(text.Text, confidence, rejection == ReadingRejection.None ? units : null, rejection, 0, 0);
    }
}
