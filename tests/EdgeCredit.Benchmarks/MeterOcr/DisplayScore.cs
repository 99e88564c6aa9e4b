namespace EdgeCredit.Benchmarks.MeterOcr;

/// <summary>Counts of one cell (display kind × degradation) of the rendered-display evaluation.</summary>
internal sealed class DisplayScore
{
    public int Cases { get; set; }

    /// <summary>Accepted by the reader and equal to the truth.</summary>
    public int Exact { get; set; }

    /// <summary>Accepted by the reader but wrong: the failure that matters.</summary>
    public int Wrong { get; set; }

    /// <summary>Refused by the reader (format, confidence, no text): kept out of the energy, counted.</summary>
    public int Refused { get; set; }

    public double ExactShare => Cases == 0 ? 0 : (double)Exact / Cases;

    public void Add(DisplayScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Cases += other.Cases;
        Exact += other.Exact;
        Wrong += other.Wrong;
        Refused += other.Refused;
    }
}
