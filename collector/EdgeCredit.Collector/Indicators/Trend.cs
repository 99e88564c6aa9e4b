namespace EdgeCredit.Collector.Indicators;

/// <summary>
/// A day's value against its baseline: the median of the comparable earlier days (see <see cref="IndicatorCalculator"/>).
/// <see cref="Ratio"/> is value / median, null when the median is 0.
/// </summary>
internal sealed record Trend(double? Ratio, double BaselineMedian, int BaselineDays);
