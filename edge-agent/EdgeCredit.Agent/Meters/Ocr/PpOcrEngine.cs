using EdgeCredit.Agent.Inference;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// The PP-OCRv4 detector and recogniser over sessions borrowed from the <see cref="ModelCatalogue"/> (which checked
/// each file's SHA-256 and the input shapes and outputs against its manifest, and owns the sessions). One engine is
/// shared by every OCR meter; <see cref="Gate"/> lets one reading run at a time, so meter OCR never takes more than
/// one core of a 2-core gateway.
/// </summary>
internal sealed class PpOcrEngine : IDisposable
{
    /// <summary>The catalogue references of the models this engine expects by default.</summary>
    public const string DefaultDetectionModel = "ppocr-v4-det/1";

    public const string DefaultRecognitionModel = "ppocr-v4-rec/1";

    private PpOcrEngine(TextDetector detector, TextRecognizer recognizer)
    {
        Detector = detector;
        Recognizer = recognizer;
    }

    public TextDetector Detector { get; }

    public TextRecognizer Recognizer { get; }

    /// <summary>Serialises readings across meters.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>
    /// Takes the two models from the catalogue; throws <see cref="ModelRejectedException"/> when one is refused or is
    /// not of the task this engine needs, or when the recognition labels have no digits or no point.
    /// </summary>
    public static PpOcrEngine Create(ModelCatalogue catalogue, string detectionModel, string recognitionModel, int detectionSide)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var detection = catalogue.Get(detectionModel);
        var recognition = catalogue.Get(recognitionModel);
        if (detection.Manifest.Task != ModelTask.TextDetection)
        {
            throw new ModelRejectedException(detectionModel, detection.FilePath, $"meter OCR needs a text-detection model (PP-OCR DB), this one is {detection.Manifest.Task}");
        }

        if (recognition.Manifest.Task != ModelTask.TextRecognition)
        {
            throw new ModelRejectedException(recognitionModel, recognition.FilePath, $"meter OCR needs a text-recognition model (PP-OCR CTC), this one is {recognition.Manifest.Task}");
        }

        CtcDecoder decoder;
        try
        {
            decoder = new CtcDecoder(recognition.Labels);
        }
        catch (ArgumentException ex)
        {
            throw new ModelRejectedException(recognitionModel, recognition.FilePath, ex.Message, ex);
        }

        return new PpOcrEngine(
            new TextDetector(detection.Session, detectionSide, ownsSession: false),
            new TextRecognizer(recognition.Session, decoder, ownsSession: false));
    }

    public void Dispose()
    {
        Detector.Dispose();
        Recognizer.Dispose();
        Gate.Dispose();
    }
}
