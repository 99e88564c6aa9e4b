using System.Text.Json.Serialization;

namespace EdgeCredit.Agent.Inference;

/// <summary>What a model does; decides which output layouts it may declare (manifest field <c>task</c>).</summary>
internal enum ModelTask
{
    /// <summary><c>classification</c>: one label per image or crop (outputs <c>logits</c> or <c>probabilities</c>).</summary>
    [JsonStringEnumMemberName("classification")]
    Classification,

    /// <summary><c>detection</c>: labelled boxes (outputs <c>yolov5</c> or <c>yolov8</c>).</summary>
    [JsonStringEnumMemberName("detection")]
    Detection,

    /// <summary><c>text-detection</c>: a text probability map (output <c>ppocr-det</c>).</summary>
    [JsonStringEnumMemberName("text-detection")]
    TextDetection,

    /// <summary><c>text-recognition</c>: characters per time step (output <c>ctc</c>).</summary>
    [JsonStringEnumMemberName("text-recognition")]
    TextRecognition,

    /// <summary><c>segmentation</c>: the probability of the first label per cell of the input (output <c>mask</c>).</summary>
    [JsonStringEnumMemberName("segmentation")]
    Segmentation,
}
