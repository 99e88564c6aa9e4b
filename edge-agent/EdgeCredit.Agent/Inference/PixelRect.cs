namespace EdgeCredit.Agent.Inference;

/// <summary>An axis-aligned rectangle in pixels of a frame: [X, X + Width) × [Y, Y + Height).</summary>
internal readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    /// <summary>This rectangle clipped to a frame of the given size (empty when outside).</summary>
    public PixelRect Clip(int frameWidth, int frameHeight)
    {
        var x0 = Math.Clamp(X, 0, frameWidth);
        var y0 = Math.Clamp(Y, 0, frameHeight);
        var x1 = Math.Clamp(Right, 0, frameWidth);
        var y1 = Math.Clamp(Bottom, 0, frameHeight);
        return new PixelRect(x0, y0, x1 - x0, y1 - y0);
    }
}
