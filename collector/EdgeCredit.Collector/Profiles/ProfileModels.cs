namespace EdgeCredit.Collector.Profiles;

// The credit profile document ("one enterprise, one file"); serialised camelCase. Nulls are "not measured", never zero.
#pragma warning disable SA1649 // One file for the document's small records.

internal sealed record CreditProfile(
    string Schema,
    ProfileIdentity Enterprise,
    DateTimeOffset GeneratedAt,
    DateOnly AsOf,
    IReadOnlyList<ProfileDevice> Devices,
    ProfileSummaries Summaries,
    ProfileTrend Trend,
    OperatingScore Score,
    IReadOnlyList<ProfileWarning> OpenWarnings,
    DataQuality DataQuality);

internal sealed record ProfileIdentity(string Id, string Name, string? Industry, string TimeZone);

internal sealed record ProfileDevice(string Id, bool Online, DateTimeOffset? LastSeen, long StoredBatches);

internal sealed record ProfileSummaries(PeriodSummary Last7Days, PeriodSummary Last30Days, PeriodSummary Last90Days);

/// <summary>One period's totals over its days; day counts by operating state; means over the days that had the value.</summary>
internal sealed record PeriodSummary(
    DateOnly From,
    DateOnly To,
    int Days,
    int ScheduledDays,
    int ProducingDays,
    int IdleDays,
    int StoppedScheduledDays,
    int NoDataDays,
    int SensorFaultDays,
    int TamperDays,
    double? OperatingHours,
    double? MeanUtilization,
    double? Output,
    double? EnergyKwh,
    double? KwhPerUnit,
    double? MeanActivity,
    double? PeopleHours,
    double MeanCoverage);

/// <summary>Last 30 days against the weekday-aware baselines: sum of the values over sum of the baseline medians.</summary>
internal sealed record ProfileTrend(double? OperatingHoursRatio, double? EnergyRatio, int DaysWithBaseline);

/// <summary>0-100, the sum of additive factor contributions (base included); null with reason INSUFFICIENT_DATA when too little was measured.</summary>
internal sealed record OperatingScore(double? Value, string Model, IReadOnlyList<ScoreFactor> Factors, IReadOnlyList<string> ReasonCodes);

internal sealed record ScoreFactor(string Code, double Contribution, double? Value, string Explanation);

internal sealed record ProfileWarning(long Id, string Cause, string Category, string Level, string Status, string Summary, DateTimeOffset OpenedAt);

internal sealed record DataQuality(double Coverage7Days, double Coverage30Days, double Coverage90Days, int NoDataDays30, int SensorFaultDays30, long FlaggedSignals30, string Assessment);
#pragma warning restore SA1649
