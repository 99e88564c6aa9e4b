namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// How a meter's register is written: <see cref="Digits"/> digits in all, the last <see cref="Decimals"/> of them after
/// the decimal point (drawn on the display, or implied: drums often show decimals on red wheels without a point),
/// and whether leading zeros are shown (drums and most LCDs) or blanked.
/// </summary>
internal sealed record RegisterFormat(int Digits, int Decimals, bool LeadingZerosShown)
{
    /// <summary>kWh of one step of the last digit (0.1 for one decimal).</summary>
    public double UnitKwh => Math.Pow(10, -Decimals);

    public static RegisterFormat Default { get; } = new(7, 1, true);
}
