using EdgeCredit.Collector.Indicators;

namespace EdgeCredit.Collector.Api;

/// <summary>Daily indicators of one enterprise for local dates From..To (inclusive) in its time zone.</summary>
internal sealed record IndicatorsResponse(string Enterprise, string TimeZone, DateOnly From, DateOnly To, IReadOnlyList<DailyIndicators> Days);
