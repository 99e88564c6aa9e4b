namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>An OCR model file is missing, does not match its pinned checksum, or does not have the inputs its card declares.</summary>
internal sealed class OcrModelException : Exception
{
    public OcrModelException()
    {
    }

    public OcrModelException(string message)
        : base(message)
    {
    }

    public OcrModelException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
