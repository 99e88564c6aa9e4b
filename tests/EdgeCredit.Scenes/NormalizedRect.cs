using System.Globalization;

namespace EdgeCredit.Scenes;

/// <summary>An axis-aligned box in normalized image coordinates (0..1, origin top left).</summary>
internal readonly record struct NormalizedRect(double X0, double Y0, double X1, double Y1)
{
    /// <summary>The polygon in the syntax of <c>RegionOptions.Polygon</c>: "x,y x,y x,y x,y", clockwise from top left.</summary>
    public string ToPolygon() => string.Create(
        CultureInfo.InvariantCulture,
        $"{X0:0.000},{Y0:0.000} {X1:0.000},{Y0:0.000} {X1:0.000},{Y1:0.000} {X0:0.000},{Y1:0.000}");

    public bool Intersects(NormalizedRect other) => X0 < other.X1 && other.X0 < X1 && Y0 < other.Y1 && other.Y0 < Y1;

    public OpenCvSharp.Rect ToPixels(int width, int height)
    {
        var x0 = (int)Math.Round(X0 * width);
        var y0 = (int)Math.Round(Y0 * height);
        return new OpenCvSharp.Rect(x0, y0, (int)Math.Round(X1 * width) - x0, (int)Math.Round(Y1 * height) - y0);
    }
}
