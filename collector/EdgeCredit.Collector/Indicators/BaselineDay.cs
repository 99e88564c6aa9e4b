namespace EdgeCredit.Collector.Indicators;

/// <summary>What a later day's trend baseline reads of an earlier day.</summary>
internal readonly record struct BaselineDay(DateOnly Date, double Coverage, double? OperatingHours, double? EnergyKwh);
