namespace EdgeCredit.Collector.Indicators;

/// <summary>Daily indicators (section <c>Indicators</c>).</summary>
internal sealed class IndicatorOptions
{
    public const string SectionName = "Indicators";

    /// <summary>How often the service recomputes the local days touched by new or late data.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Look-back for the trend baseline and for the sources a day is expected to hear from.</summary>
    public int BaselineDays { get; set; } = 90;

    /// <summary>Comparable earlier days needed before a trend is given.</summary>
    public int MinBaselineDays { get; set; } = 4;

    /// <summary>Coverage a day needs to count in a baseline.</summary>
    public double MinBaselineCoverage { get; set; } = 0.8;

    /// <summary>Longest from..to range the API computes in one request.</summary>
    public int MaxRangeDays { get; set; } = 366;

    public BaselineRules Rules => new(BaselineDays, MinBaselineDays, MinBaselineCoverage);
}
