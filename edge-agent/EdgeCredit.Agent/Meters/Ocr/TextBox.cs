using OpenCvSharp;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// A text line found by the detector: its four corners in the region image (top-left, top-right, bottom-right,
/// bottom-left, in pixels) and the detector's mean probability inside it.
/// </summary>
internal sealed record TextBox(Point2f[] Corners, float Score)
{
    public float Width => (float)Math.Max(Distance(Corners[0], Corners[1]), Distance(Corners[3], Corners[2]));

    public float Height => (float)Math.Max(Distance(Corners[0], Corners[3]), Distance(Corners[1], Corners[2]));

    public float CentreY => (Corners[0].Y + Corners[1].Y + Corners[2].Y + Corners[3].Y) / 4;

    public float Top => Math.Min(Math.Min(Corners[0].Y, Corners[1].Y), Math.Min(Corners[2].Y, Corners[3].Y));

    public float Bottom => Math.Max(Math.Max(Corners[0].Y, Corners[1].Y), Math.Max(Corners[2].Y, Corners[3].Y));

    /// <summary>Orders four points as top-left, top-right, bottom-right, bottom-left (PaddleOCR's get_mini_boxes).</summary>
    public static Point2f[] Order(ReadOnlySpan<Point2f> points)
    {
        var byX = points.ToArray();
        Array.Sort(byX, (a, b) => a.X.CompareTo(b.X));
        var (topLeft, bottomLeft) = byX[0].Y <= byX[1].Y ? (byX[0], byX[1]) : (byX[1], byX[0]);
        var (topRight, bottomRight) = byX[2].Y <= byX[3].Y ? (byX[2], byX[3]) : (byX[3], byX[2]);
        return [topLeft, topRight, bottomRight, bottomLeft];
    }

    private static double Distance(Point2f a, Point2f b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
