namespace EdgeCredit.Collector.Calendars;

/// <summary>What the indicators need to know about one enterprise: its calendar, industry and power threshold.</summary>
/// <param name="OperatingPowerKw">Average kW above which a power-only source counts as operating; null: power-only sources give no operating hours.</param>
/// <param name="Sources">Configured sources, expected on every day whether or not they ever reported (null or empty: none).</param>
internal sealed record EnterpriseSettings(string Id, EnterpriseCalendar Calendar, string? Industry, double? OperatingPowerKw, IReadOnlyList<string>? Sources = null);
