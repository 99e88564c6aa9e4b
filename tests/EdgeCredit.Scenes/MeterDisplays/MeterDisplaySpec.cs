namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>
/// One rendered meter display. <see cref="Register"/> is the register in units of its last digit; for drums its
/// fractional part is how far the last wheel (and every wheel it carries into) has turned towards the next digit.
/// </summary>
internal sealed record MeterDisplaySpec(DisplayKind Kind, Degradation Degradation, int Digits, int Decimals, double Register, int Seed)
{
    public const int Width = 640;
    public const int Height = 480;

    /// <summary>The register as the display shows it when no wheel is turning ("0012345.6", or "0012345" without decimals).</summary>
    public string Text
    {
        get
        {
            var units = ((long)Math.Floor(Register)).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(Digits, '0');
            return Decimals == 0 ? units : units[..^Decimals] + "." + units[^Decimals..];
        }
    }
}
