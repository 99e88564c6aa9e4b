namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>What the meter's register looks like (for logs and the evaluation; the reading path is the same).</summary>
internal enum DisplayKind
{
    Lcd,
    SevenSegment,
    Drum,
}
