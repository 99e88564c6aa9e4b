using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// PP-OCRv4 text recognition (SVTR-LCNet + CTC): input <c>x</c> float32 [1, 3, 48, W], the line image resized to height
/// 48 keeping its aspect ratio, (x/255 − 0.5) / 0.5, CHW, padded with zeros (mid grey) to a multiple of 8
/// and at least <see cref="MinWidth"/> (PaddleOCR pads to 320; on our rendered displays no padding read as well or
/// better: 142 vs 141 of 150 tune cases, and costs less); output [1, W/8, 6625] softmax probabilities, decoded by
/// <see cref="CtcDecoder"/>. Owns its session (or borrows it). Not thread-safe: one reader calls it.
/// </summary>
internal sealed class TextRecognizer : IDisposable
{
    public const int Height = 48;
    public const int MinWidth = 32;
    public const int MaxWidth = 960;

    private readonly InferenceSession _session;
    private readonly bool _ownsSession;
    private readonly string _input;
    private readonly CtcDecoder _decoder;
    private readonly RunOptions _run = new();

    public TextRecognizer(InferenceSession session, CtcDecoder decoder, bool ownsSession)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(decoder);
        _session = session;
        _decoder = decoder;
        _ownsSession = ownsSession;
        _input = session.InputNames[0];
    }

    /// <summary>Crops the quadrilateral <paramref name="box"/> out of <paramref name="grey"/> into an upright rectangle.</summary>
    public static Mat Crop(Mat grey, TextBox box)
    {
        ArgumentNullException.ThrowIfNull(grey);
        ArgumentNullException.ThrowIfNull(box);
        var width = Math.Max(1, (int)Math.Round(box.Width));
        var height = Math.Max(1, (int)Math.Round(box.Height));
        Point2f[] target = [new(0, 0), new(width, 0), new(width, height), new(0, height)];
        using var transform = Cv2.GetPerspectiveTransform(box.Corners, target);
        var crop = new Mat();
        Cv2.WarpPerspective(grey, crop, transform, new Size(width, height), InterpolationFlags.Cubic, BorderTypes.Replicate);
        return crop;
    }

    /// <summary>
    /// Inverts a line image in place when its text is bright on a dark ground (LED displays): Otsu's threshold splits
    /// text from ground, and the text is the smaller part. On tune seeds this read 93 of 100 seven-segment displays
    /// exactly instead of 90, and changed nothing else.
    /// </summary>
    public static void MakeDarkOnLight(Mat line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var binary = new Mat();
        Cv2.Threshold(line, binary, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        if (Cv2.CountNonZero(binary) < binary.Rows * binary.Cols / 2)
        {
            Cv2.BitwiseNot(line, line);
        }
    }

    /// <summary>
    /// Whites out the faint strokes around the digits of a dark-on-light line in place: the unlit segments of LCD and
    /// LED displays stay faintly visible, and PP-OCR's general recogniser reads a 1 with its unlit segments as a 7 or
    /// an 8. Grey levels are stretched linearly so that the darkest pixel stays black and everything above
    /// <see cref="GhostCut"/> × Otsu's threshold (measured from the darkest pixel) becomes white. Tune seeds (600
    /// displays): 561 exact without it, 582 with the cut at 1.0 × the threshold, 588 at 1.3, 576 at 1.6 (3 wrong
    /// accepted), 544 at 2.0 (4 wrong).
    /// </summary>
    public static void SuppressGhosts(Mat line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var binary = new Mat();
        var otsu = Cv2.Threshold(line, binary, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        Cv2.MinMaxLoc(line, out double darkest, out _);
        var span = Math.Max(1, (otsu - darkest) * GhostCut);
        var lut = new byte[256];
        for (var v = 0; v < lut.Length; v++)
        {
            lut[v] = (byte)Math.Clamp(Math.Round((v - darkest) * 255 / span), 0, 255);
        }

        using var table = Mat.FromPixelData(1, lut.Length, MatType.CV_8UC1, lut);
        Cv2.LUT(line, table, line);
    }

    /// <summary>Where <see cref="SuppressGhosts"/> cuts to white, as a multiple of Otsu's threshold above the darkest pixel.</summary>
    public const double GhostCut = 1.3;

    /// <summary>Reads one line image (grey, upright).</summary>
    public RecognizedText Read(Mat line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Width < 2 || line.Height < 2)
        {
            return RecognizedText.Empty;
        }

        var scaledWidth = Math.Clamp((int)Math.Ceiling(Height * (double)line.Width / line.Height), 8, MaxWidth);
        var width = Math.Max(MinWidth, (scaledWidth + 7) / 8 * 8);
        using var resized = new Mat();
        Cv2.Resize(line, resized, new Size(scaledWidth, Height), 0, 0, InterpolationFlags.Linear);
        resized.GetArray(out byte[] pixels);
        var plane = Height * width;
        var input = new float[3 * plane];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < scaledWidth; x++)
            {
                var v = (pixels[(y * scaledWidth) + x] / 127.5f) - 1f;
                var at = (y * width) + x;
                input[at] = v;
                input[plane + at] = v;
                input[(2 * plane) + at] = v;
            }
        }

        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, Height, width]);
        using var outputs = _session.Run(_run, [_input], [tensor], _session.OutputNames);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        var steps = (int)shape[1];
        if (shape[2] != _decoder.Classes)
        {
            throw new InvalidOperationException($"the recognition model outputs {shape[2]} classes but the keys file gives {_decoder.Classes} (keys + blank + space): model and keys do not belong together");
        }

        return _decoder.Decode(outputs[0].GetTensorDataAsSpan<float>(), steps);
    }

    public void Dispose()
    {
        _run.Dispose();
        if (_ownsSession)
        {
            _session.Dispose();
        }
    }
}
