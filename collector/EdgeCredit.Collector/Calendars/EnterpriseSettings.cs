namespace EdgeCredit.Collector.Calendars;

/// <summary>What the indicators need to know about one enterprise: its calendar, industry and power threshold.</summary>
/// <param name="OperatingPowerKw">Average kW above which a power-only source counts as operating; null: power-only sources give no operating hours.</param>
internal sealed record EnterpriseSettings(string Id, EnterpriseCalendar Calendar, string? Industry, double? OperatingPowerKw);
