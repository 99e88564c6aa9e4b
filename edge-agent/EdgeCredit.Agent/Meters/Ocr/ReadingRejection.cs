namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>Why a display reading was kept out of the energy signals. Each is counted and logged with the reading.</summary>
internal enum ReadingRejection
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>The detector found no text line in the meter region (display dark, covered, out of view).</summary>
    NoText,

    /// <summary>A character was read with less than the configured minimum confidence (a drum between two digits, glare).</summary>
    LowConfidence,

    /// <summary>Not the configured number of digits (a digit lost or added; the register's digit count is fixed).</summary>
    DigitCount,

    /// <summary>A decimal point where the configured format has none, or more than one.</summary>
    DecimalPoint,

    /// <summary>The register went backwards: a cumulative register only moves forward.</summary>
    Backwards,

    /// <summary>The register moved forward faster than the configured maximum power allows.</summary>
    TooFast,

    /// <summary>A first reading (or one after a reset) not yet confirmed by a consistent second reading.</summary>
    Unconfirmed,
}
