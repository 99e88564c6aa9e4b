namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// What the recogniser read: the characters (digits and a decimal point only) and, per character, the probability the
/// model gave it. <see cref="Foreign"/> counts characters the model preferred outside that set (letters, symbols)
/// that were forced into it; they lower the confidence of the character they became.
/// </summary>
internal sealed record RecognizedText(string Text, IReadOnlyList<float> Confidences, int Foreign)
{
    public static readonly RecognizedText Empty = new(string.Empty, [], 0);

    /// <summary>
    /// The lowest confidence of a digit (0 when there is none): a reading is as sure as its weakest digit. The decimal
    /// point does not count: the register format fixes where it may be, and the parser refuses it anywhere else.
    /// </summary>
    public float MinDigitConfidence
    {
        get
        {
            var min = float.MaxValue;
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] != '.')
                {
                    min = Math.Min(min, Confidences[i]);
                }
            }

            return min == float.MaxValue ? 0 : min;
        }
    }
}
