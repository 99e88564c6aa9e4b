using System.Text.Json.Nodes;
using EdgeCredit.Collector.Operations;

namespace EdgeCredit.Collector.Warnings;

// Request and response shapes of the warning endpoints; serialised camelCase.
#pragma warning disable SA1649 // One file for the small request/response records.

internal sealed record AcknowledgeRequest(string? Note);

internal sealed record ResolveRequest(string? Disposition, string? Note);

internal sealed record WarningDetailResponse(JsonObject Warning, IReadOnlyList<WarningAuditEntry> Audit);

internal sealed record DayStateResponse(
    DateOnly Date,
    string DayType,
    string State,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<IntegrityFlag> Flags,
    double Coverage,
    double? OperatingHours,
    double? EnergyKwh,
    double? Activity,
    double TamperMinutes);

internal sealed record OperatingStateResponse(string Enterprise, DateOnly From, DateOnly To, IReadOnlyList<DayStateResponse> Days);
#pragma warning restore SA1649
