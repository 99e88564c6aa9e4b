namespace EdgeCredit.Agent.Inference;

/// <summary>One detected object in frame pixels: label index and name, score 0..1, box [X0, X1) × [Y0, Y1).</summary>
internal readonly record struct Detection(int Label, string Name, float Score, float X0, float Y0, float X1, float Y1)
{
    public float CenterX => (X0 + X1) / 2;

    public float CenterY => (Y0 + Y1) / 2;

    public float Width => X1 - X0;

    public float Height => Y1 - Y0;

    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    /// <summary>Intersection over union with another box.</summary>
    public float IoU(in Detection other)
    {
        var inter = Intersection(other);
        return inter <= 0 ? 0 : inter / (Area + other.Area - inter);
    }

    /// <summary>Intersection over the smaller of the two boxes: 1 when one box lies wholly inside the other.</summary>
    public float IoSmaller(in Detection other)
    {
        var inter = Intersection(other);
        return inter <= 0 ? 0 : inter / Math.Min(Area, other.Area);
    }

    private float Intersection(in Detection other)
    {
        var iw = Math.Min(X1, other.X1) - Math.Max(X0, other.X0);
        var ih = Math.Min(Y1, other.Y1) - Math.Max(Y0, other.Y0);
        return iw <= 0 || ih <= 0 ? 0 : iw * ih;
    }
}
