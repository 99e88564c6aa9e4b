namespace EdgeCredit.Agent.Inference;

/// <summary>
/// The model's image input (manifest field <c>input</c>). A pixel value v (0..255) becomes
/// <c>(v × Scale − Mean[c]) / Std[c]</c> in channel c.
/// </summary>
internal sealed record ModelInput
{
    public string Name { get; set; } = string.Empty;

    /// <summary>NCHW dimensions; -1 for a dynamic one (typically the batch).</summary>
    public IReadOnlyList<long> Shape { get; set; } = [];

    /// <summary>Only <c>NCHW</c> is supported.</summary>
    public string Layout { get; set; } = "NCHW";

    public ColourOrder Colour { get; set; } = ColourOrder.Rgb;

    public double Scale { get; set; } = 1.0 / 255;

    /// <summary>One value, or one per channel.</summary>
    public IReadOnlyList<double> Mean { get; set; } = [0];

    /// <summary>One value, or one per channel; all positive.</summary>
    public IReadOnlyList<double> Std { get; set; } = [1];

    public ResizeMode Resize { get; set; } = ResizeMode.Letterbox;

    /// <summary>Grey level of letterbox padding (0..255).</summary>
    public int PadValue { get; set; } = 114;

    /// <summary>With <see cref="ResizeMode.KeepRatio"/>: dynamic sides are rounded to a multiple of this.</summary>
    public int Stride { get; set; } = 32;

    /// <summary>Channels from the shape (index 1).</summary>
    public int Channels => Shape.Count == 4 ? (int)Shape[1] : 0;

    /// <summary>Height from the shape (index 2); -1 when dynamic.</summary>
    public int Height => Shape.Count == 4 ? (int)Shape[2] : 0;

    /// <summary>Width from the shape (index 3); -1 when dynamic.</summary>
    public int Width => Shape.Count == 4 ? (int)Shape[3] : 0;

    /// <summary>True when the batch dimension is dynamic: several crops can go into one run.</summary>
    public bool DynamicBatch => Shape.Count == 4 && Shape[0] == -1;
}
