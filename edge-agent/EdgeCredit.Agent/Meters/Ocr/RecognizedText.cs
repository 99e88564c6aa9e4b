namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// What the recogniser read: the characters (digits and a decimal point only) and, per character, the probability the
/// model gave it. <see cref="Foreign"/> counts characters the model preferred outside that set (letters, symbols)
/// that were forced into it; they lower the confidence of the character they became.
/// </summary>
internal sealed record RecognizedText(string Text, IReadOnlyList<float> Confidences, int Foreign)
{
    public static readonly RecognizedText Empty = new(string.Empty, [], 0);

    /// <summary>The lowest per-character confidence (0 when empty): a reading is as sure as its weakest digit.</summary>
    public float MinConfidence => Confidences.Count == 0 ? 0 : Confidences.Min();
}
