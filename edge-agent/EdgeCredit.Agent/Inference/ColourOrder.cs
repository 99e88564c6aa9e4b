using System.Text.Json.Serialization;

namespace EdgeCredit.Agent.Inference;

/// <summary>Channel order the model expects (manifest field <c>input.colour</c>). The agent's analysis frames are grey:
/// for a 3-channel model the grey value is put in every channel.</summary>
internal enum ColourOrder
{
    /// <summary><c>gray</c>: one channel.</summary>
    [JsonStringEnumMemberName("gray")]
    Gray,

    /// <summary><c>rgb</c>: three channels, red first.</summary>
    [JsonStringEnumMemberName("rgb")]
    Rgb,

    /// <summary><c>bgr</c>: three channels, blue first (OpenCV and PaddleOCR habit).</summary>
    [JsonStringEnumMemberName("bgr")]
    Bgr,
}
