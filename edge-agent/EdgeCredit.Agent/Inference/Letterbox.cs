namespace EdgeCredit.Agent.Inference;

/// <summary>
/// How a source picture (or crop at <see cref="OffsetX"/>, <see cref="OffsetY"/> of a frame) was placed in the model
/// input: input = source × scale + pad. <see cref="ToSource"/> maps input pixels back to frame pixels.
/// </summary>
internal readonly record struct Letterbox(double ScaleX, double ScaleY, double PadX, double PadY, int OffsetX, int OffsetY)
{
    /// <summary>The placement of a w × h picture in an input of inputW × inputH.</summary>
    public static Letterbox For(ResizeMode mode, int sourceWidth, int sourceHeight, int inputWidth, int inputHeight, int offsetX = 0, int offsetY = 0)
    {
        if (mode == ResizeMode.Stretch)
        {
            return new Letterbox((double)inputWidth / sourceWidth, (double)inputHeight / sourceHeight, 0, 0, offsetX, offsetY);
        }

        var scale = Math.Min((double)inputWidth / sourceWidth, (double)inputHeight / sourceHeight);
        return new Letterbox(scale, scale, (inputWidth - (sourceWidth * scale)) / 2, (inputHeight - (sourceHeight * scale)) / 2, offsetX, offsetY);
    }

    public (double X, double Y) ToSource(double inputX, double inputY) =>
        (((inputX - PadX) / ScaleX) + OffsetX, ((inputY - PadY) / ScaleY) + OffsetY);
}
