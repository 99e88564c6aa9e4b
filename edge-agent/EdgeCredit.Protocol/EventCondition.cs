using System.Text.Json.Serialization;

namespace EdgeCredit.Protocol;

/// <summary>Camera health and tamper conditions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventCondition>))]
public enum EventCondition
{
    /// <summary>No frames: the stream failed, ended or stalled.</summary>
    [JsonStringEnumMemberName("offline")] Offline,

    /// <summary>The picture is (nearly) black.</summary>
    [JsonStringEnumMemberName("dark")] Dark,

    /// <summary>Something covers the lens: the view is uniform and textureless.</summary>
    [JsonStringEnumMemberName("covered")] Covered,

    /// <summary>The picture is far less sharp than at commissioning.</summary>
    [JsonStringEnumMemberName("defocused")] Defocused,

    /// <summary>Consecutive frames are identical beyond sensor noise (a hung camera or encoder).</summary>
    [JsonStringEnumMemberName("frozen")] Frozen,

    /// <summary>The same sequence of frames repeats (a replayed recording).</summary>
    [JsonStringEnumMemberName("looped")] Looped,

    /// <summary>The scene no longer matches the reference taken at commissioning (the camera was turned or moved).</summary>
    [JsonStringEnumMemberName("moved")] Moved,
}
