namespace EdgeCredit.Scenes.Datasets;

/// <summary>One object drawn in a frame: class (0 item, 1 person), the scene's id for it, and its box in pixels (x0, y0 inclusive; x1, y1 exclusive).</summary>
internal readonly record struct ObjectBox(int Class, int Id, double X0, double Y0, double X1, double Y1)
{
    public const int Item = 0;
    public const int Person = 1;

    public double CenterX => (X0 + X1) / 2;

    public double CenterY => (Y0 + Y1) / 2;

    public double Width => X1 - X0;

    public double Height => Y1 - Y0;
}
