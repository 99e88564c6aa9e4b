using System.Text.Json.Serialization;

namespace EdgeCredit.Protocol;

/// <summary>What a <see cref="DeviceEvent"/> reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventType>))]
public enum EventType
{
    /// <summary>A camera condition (dark, covered, frozen ...) began; <c>condition</c>, <c>confidence</c> and <c>since</c> are set.</summary>
    [JsonStringEnumMemberName("condition_started")] ConditionStarted,

    /// <summary>A camera condition ended; <c>condition</c> and <c>since</c> (when it began) are set.</summary>
    [JsonStringEnumMemberName("condition_ended")] ConditionEnded,

    /// <summary>A region or machine changed state; <c>state</c> is the new state.</summary>
    [JsonStringEnumMemberName("state_changed")] StateChanged,
}
