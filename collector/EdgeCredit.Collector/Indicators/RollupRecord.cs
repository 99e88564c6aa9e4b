using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Indicators;

/// <summary>One row of <c>rollups_hourly</c> for one enterprise (see <see cref="Storage.RollupSchema"/>).</summary>
internal readonly record struct RollupRecord(
    long HourMs,
    string Source,
    SignalKind Kind,
    double Sum,
    double Weighted,
    long Count,
    double Min,
    double Max,
    double Covered,
    long FlaggedCount);
