namespace EdgeCredit.Collector.Indicators;

/// <summary>How the trend baseline is chosen (from <see cref="IndicatorOptions"/>).</summary>
internal sealed record BaselineRules(int BaselineDays, int MinBaselineDays, double MinBaselineCoverage)
{
    public static BaselineRules Default { get; } = new(90, 4, 0.8);
}
