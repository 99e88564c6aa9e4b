namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Turns recognised text into a register value in units of the last digit. Accepted: exactly the configured digit
/// count (fewer only when leading zeros are blanked), with the decimal point where the format puts it or no point at
/// all (implied). A point elsewhere, or two, is refused: reading "12345.6" as 1234.56 would be a tenfold error.
/// </summary>
internal static class RegisterParser
{
    public static ReadingRejection TryParse(string text, RegisterFormat format, out long units)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);
        units = 0;
        var trimmed = text.Trim('.');
        if (trimmed.Length == 0)
        {
            return ReadingRejection.NoText;
        }

        var point = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && trimmed.IndexOf('.', point + 1) >= 0)
        {
            return ReadingRejection.DecimalPoint;
        }

        var digits = point >= 0 ? trimmed.Remove(point, 1) : trimmed;
        if (digits.Length > format.Digits || (format.LeadingZerosShown && digits.Length != format.Digits)
            || digits.Length <= format.Decimals)
        {
            return ReadingRejection.DigitCount;
        }

        if (point >= 0 && (format.Decimals == 0 || digits.Length - point != format.Decimals))
        {
            return ReadingRejection.DecimalPoint;
        }

        foreach (var c in digits)
        {
            units = (units * 10) + (c - '0');
        }

        return ReadingRejection.None;
    }
}
