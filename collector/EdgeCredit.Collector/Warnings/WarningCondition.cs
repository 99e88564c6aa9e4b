using System.Text.Json.Nodes;

namespace EdgeCredit.Collector.Warnings;

/// <summary>
/// One rule's verdict for one enterprise as of a day. <see cref="Cause"/> is the dedupe key (one open warning per
/// enterprise and cause); <see cref="Evidence"/> names the indicator, the days and the threshold.
/// </summary>
internal sealed record WarningCondition(
    string Cause,
    string Category,
    WarningLevel Level,
    WarningPhase Phase,
    DateOnly? FirstDay,
    DateOnly? LastDay,
    string Summary,
    JsonObject Evidence);
