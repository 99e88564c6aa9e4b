using System.Text.Json.Serialization;

namespace EdgeCredit.Agent.Inference;

/// <summary>How a picture is fitted to the model's input (manifest field <c>input.resize</c>).</summary>
internal enum ResizeMode
{
    /// <summary><c>letterbox</c>: scaled to fit keeping the aspect ratio, centred, the rest filled with <c>input.padValue</c>.</summary>
    [JsonStringEnumMemberName("letterbox")]
    Letterbox,

    /// <summary><c>stretch</c>: scaled to the input size, aspect ratio not kept.</summary>
    [JsonStringEnumMemberName("stretch")]
    Stretch,

    /// <summary><c>keep-ratio</c>: for dynamic height/width inputs: scaled keeping the aspect ratio, sides rounded to <c>input.stride</c>.</summary>
    [JsonStringEnumMemberName("keep-ratio")]
    KeepRatio,
}
