using System.Text.Json.Serialization;

namespace EdgeCredit.Agent.Inference;

/// <summary>How an output tensor is laid out (manifest field <c>outputs[].layout</c>); C is the number of labels.</summary>
internal enum OutputLayout
{
    /// <summary><c>yolov5</c>: [N, boxes, 5 + C], per box cx, cy, w, h (input pixels), objectness, C class scores.</summary>
    [JsonStringEnumMemberName("yolov5")]
    YoloV5,

    /// <summary><c>yolov8</c>: [N, 4 + C, boxes], per box cx, cy, w, h (input pixels) then C class scores; no objectness.</summary>
    [JsonStringEnumMemberName("yolov8")]
    YoloV8,

    /// <summary><c>logits</c>: [N, C] raw scores; softmax gives probabilities.</summary>
    [JsonStringEnumMemberName("logits")]
    Logits,

    /// <summary><c>probabilities</c>: [N, C] already softmaxed.</summary>
    [JsonStringEnumMemberName("probabilities")]
    Probabilities,

    /// <summary><c>ppocr-det</c>: [N, 1, H, W] text probability per input pixel (PaddleOCR DB head).</summary>
    [JsonStringEnumMemberName("ppocr-det")]
    PpOcrDet,

    /// <summary><c>ctc</c>: [N, T, K] probabilities per time step; index 0 is the CTC blank, 1..K-1 the labels.</summary>
    [JsonStringEnumMemberName("ctc")]
    Ctc,

    /// <summary><c>mask</c>: [N, 1, H/k, W/k] probability per k x k cell of the input (k a whole number).</summary>
    [JsonStringEnumMemberName("mask")]
    Mask,
}
