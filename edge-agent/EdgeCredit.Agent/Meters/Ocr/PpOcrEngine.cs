using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// The PP-OCRv4 detector and recogniser, opened once per agent and shared by every OCR meter (their loops take turns
/// through <see cref="Gate"/>: one OCR reading at a time keeps one core free on a 2-core gateway). Opening checks each
/// file's SHA-256 against the card and the models' input shapes (<c>x [N,3,H,W]</c> for detection,
/// <c>x [N,3,48,W]</c> for recognition, output classes = keys + 2), and refuses with <see cref="OcrModelException"/>
/// naming the file and the fix. Owns both sessions.
/// </summary>
internal sealed class PpOcrEngine : IDisposable
{
    private PpOcrEngine(TextDetector detector, TextRecognizer recognizer)
    {
        Detector = detector;
        Recognizer = recognizer;
    }

    public TextDetector Detector { get; }

    public TextRecognizer Recognizer { get; }

    /// <summary>Serialises readings across meters.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public static PpOcrEngine Open(PpOcrModels models, int detectionSide)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Verify() is { } problem)
        {
            throw new OcrModelException(problem);
        }

        var keys = models.ReadKeys();
        var decoder = new CtcDecoder(keys);
        InferenceSession? det = null;
        InferenceSession? rec = null;
        try
        {
            det = OcrSessions.Open(models.Detection);
            rec = OcrSessions.Open(models.Recognition);
            CheckShape(det, models.Detection, [-1, 3, -1, -1], null);
            CheckShape(rec, models.Recognition, [-1, 3, TextRecognizer.Height, -1], decoder.Classes);
            return new PpOcrEngine(new TextDetector(det, detectionSide, ownsSession: true), new TextRecognizer(rec, decoder, ownsSession: true));
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or OcrModelException)
        {
            det?.Dispose();
            rec?.Dispose();
            throw ex as OcrModelException ?? new OcrModelException($"cannot load an OCR model: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }

    public void Dispose()
    {
        Detector.Dispose();
        Recognizer.Dispose();
        Gate.Dispose();
    }

    /// <summary>Checks the single input against the card's shape (-1 = any size) and, when given, the last output dimension.</summary>
    internal static void CheckShape(InferenceSession session, string path, int[] expected, int? classes)
    {
        var inputs = session.InputMetadata;
        var declared = inputs.Count == 1 ? inputs.Values.First().Dimensions : [];
        var fits = declared.Length == expected.Length
            && declared.Zip(expected).All(p => p.Second == -1 || p.First == p.Second);
        if (!fits)
        {
            throw new OcrModelException($"{path}: input shape [{string.Join(',', declared)}] does not match the model card's [{string.Join(',', expected.Select(e => e == -1 ? "?" : e.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]: this is not the PP-OCRv4 model the card describes. Run models/ppocr-v4/fetch.sh");
        }

        if (classes is { } c && session.OutputMetadata.Values.First().Dimensions is var outDims && outDims[^1] != c)
        {
            throw new OcrModelException($"{path}: outputs {outDims[^1]} classes but the keys file gives {c} (keys + blank + space): model and keys do not belong together. Run models/ppocr-v4/fetch.sh");
        }
    }
}
