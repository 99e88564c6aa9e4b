namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>The kinds of register a meter shows.</summary>
internal enum DisplayKind
{
    /// <summary>Reflective LCD: dark seven-segment digits on grey-green glass, inactive segments faintly visible, slanted.</summary>
    Lcd,

    /// <summary>LED seven-segment: bright red segments with glow on black.</summary>
    SevenSegment,

    /// <summary>Rolling drums: printed digits on wheels seen through windows, decimals on red wheels, no point drawn.</summary>
    Drum,
}
