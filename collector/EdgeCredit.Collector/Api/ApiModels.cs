namespace EdgeCredit.Collector.Api;

// Response shapes of the REST API; serialised camelCase.
#pragma warning disable SA1649, CA1819 // One file for the small response records; byte[] is the payload head, serialised as base64.

internal sealed record HealthResponse(string Status, string BrokerMode, bool BrokerReady, int IngestQueueDepth, bool DatabaseReachable);

internal sealed record DeviceResponse(
    string Device,
    string Enterprise,
    bool Online,
    DateTimeOffset? LastSeen,
    long? FirstSequence,
    long? LastSequence,
    long StoredBatches,
    long? OutboxDepth,
    long? ReportedLastSequence,
    DateTimeOffset? StatusAt);

internal sealed record EnterpriseResponse(string Id, string Name, int Devices, DateTimeOffset? LastSignalEnd);

internal sealed record SignalResponse(string Device, long Sequence, DateTimeOffset Start, DateTimeOffset End, string Source, string Kind, double Value, string Unit, string Quality);

internal sealed record SignalsResponse(string Enterprise, DateTimeOffset From, DateTimeOffset To, int Count, IReadOnlyList<SignalResponse> Signals);

internal sealed record EventResponse(string Device, long Sequence, DateTimeOffset At, string Source, string Type, string? Condition, string? State, double? Confidence, DateTimeOffset? Since, string? Detail);

internal sealed record EventsResponse(string Enterprise, DateTimeOffset From, DateTimeOffset To, int Count, IReadOnlyList<EventResponse> Events);

internal sealed record QuarantineResponse(long Id, DateTimeOffset ReceivedAt, string Topic, string? ClientId, string Reason, string Detail, long PayloadBytes, byte[]? PayloadHead);
internal sealed record GrantResponse(string Enterprise, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo);

internal sealed record AccessResponse(string Key, string Role, string? Lender, string? LenderName, IReadOnlyList<string> Enterprises, IReadOnlyList<GrantResponse> Grants);
#pragma warning restore SA1649, CA1819
