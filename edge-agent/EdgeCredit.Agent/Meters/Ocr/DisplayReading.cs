namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// One read of a meter display, before the plausibility gate: the recognised text, its weakest character's
/// confidence, the parsed register (units of the last digit) when the text has the configured format, why not
/// otherwise, and what each model cost.
/// </summary>
internal sealed record DisplayReading(string Text, float Confidence, long? Units, ReadingRejection Rejection, double DetectMs, double RecognizeMs)
{
    /// <summary>The detected line in region pixels (null when no text was found).</summary>
    public TextBox? Line { get; init; }
}
