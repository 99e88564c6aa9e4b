using System.Text.Json.Serialization;

namespace EdgeCredit.Protocol;

/// <summary>The retained payload of <c>edgecredit/v1/{enterprise}/{device}/status</c>; also the last will (state offline).</summary>
public sealed record DeviceStatus
{
    public required int Version { get; init; }

    public required DeviceState State { get; init; }

    /// <summary>When the status was written. Absent in the last will, which the broker sends later.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Highest sequence number written to the outbox so far.</summary>
    public long? LastSequence { get; init; }

    /// <summary>Batches waiting in the outbox.</summary>
    public long? OutboxDepth { get; init; }

    /// <summary>Batches confirmed stored by the collector's receipts since the agent started.</summary>
    public long? Sent { get; init; }

    /// <summary>Publish attempts that failed and will be retried, since the agent started.</summary>
    public long? Retried { get; init; }

    /// <summary>Batches the broker acknowledged that still wait for the collector's receipt.</summary>
    public long? AwaitingReceipt { get; init; }

    /// <summary>Batches the collector refused (see their reasons in the agent's outbox quarantine), since the agent started.</summary>
    public long? Refused { get; init; }

    /// <summary>Batches discarded because the outbox hit its size cap, over the outbox's lifetime.</summary>
    public long? Dropped { get; init; }

    public string? AgentVersion { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DeviceState>))]
public enum DeviceState
{
    [JsonStringEnumMemberName("online")] Online,
    [JsonStringEnumMemberName("offline")] Offline,
}
