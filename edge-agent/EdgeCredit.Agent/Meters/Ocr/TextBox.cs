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

    /// <summary>
    /// This box lengthened along its top edge's direction by <paramref name="right"/> pixels past its right end and
    /// <paramref name="left"/> past its left end, the lengthening cut short at the image's edges (width × height).
    /// Null when less than half of it fits.
    /// </summary>
    public TextBox? Lengthened(float right, float left, int width, int height)
    {
        var length = Distance(Corners[0], Corners[1]);
        if (length <= 0)
        {
            return null;
        }

        var ux = (float)((Corners[1].X - Corners[0].X) / length);
        var uy = (float)((Corners[1].Y - Corners[0].Y) / length);
        var toRight = Fit(right, ux, uy, [Corners[1], Corners[2]], width, height);
        var toLeft = Fit(left, -ux, -uy, [Corners[0], Corners[3]], width, height);
        if (toRight < right / 2 || toLeft < left / 2)
        {
            return null;
        }

        Point2f[] corners =
        [
            new(Corners[0].X - (ux * toLeft), Corners[0].Y - (uy * toLeft)),
            new(Corners[1].X + (ux * toRight), Corners[1].Y + (uy * toRight)),
            new(Corners[2].X + (ux * toRight), Corners[2].Y + (uy * toRight)),
            new(Corners[3].X - (ux * toLeft), Corners[3].Y - (uy * toLeft)),
        ];
        return this with { Corners = corners };
    }

    /// <summary>How far (at most <paramref name="distance"/>) the points can move along (dx, dy) and stay in the image.</summary>
    private static float Fit(float distance, float dx, float dy, ReadOnlySpan<Point2f> points, int width, int height)
    {
        var fit = distance;
        foreach (var p in points)
        {
            fit = Math.Min(fit, Room(p.X, dx, width));
            fit = Math.Min(fit, Room(p.Y, dy, height));
        }

        return Math.Max(0, fit);
    }

    private static float Room(float at, float direction, int size) => direction switch
    {
        > 1e-6f => (size - 1 - at) / direction,
        < -1e-6f => at / -direction,
        _ => float.MaxValue,
    };

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
