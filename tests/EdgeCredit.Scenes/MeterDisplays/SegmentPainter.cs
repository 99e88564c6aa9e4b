using OpenCvSharp;

namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>Draws seven-segment digits (LCD or LED) as hexagonal segments, optionally slanted, with a decimal point dot.</summary>
internal static class SegmentPainter
{
    // Segments a (top), b (top right), c (bottom right), d (bottom), e (bottom left), f (top left), g (middle).
    private static readonly string[] Lit = ["abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg"];

    /// <summary>Draws <paramref name="text"/> (digits and '.') into <paramref name="area"/>; inactive segments in <paramref name="ghost"/> when given.</summary>
    public static void Draw(Mat image, Rect area, string text, Scalar on, Scalar? ghost, double slant)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Count(char.IsAsciiDigit);
        var pitch = area.Width / (double)digits;
        var w = pitch * 0.72;
        var h = Math.Min(area.Height * 0.86, w * 1.9);
        var t = w * 0.17;
        var top = area.Y + ((area.Height - h) / 2);
        var index = 0;
        foreach (var c in text)
        {
            var left = area.X + (index * pitch) + ((pitch - w) / 2);
            if (c == '.')
            {
                var centre = new Point2d(left - ((pitch - w) / 2) + (t * 0.1), top + h - (t * 0.5));
                Cv2.Circle(image, Skew(centre, top + (h / 2), slant), Math.Max(2, (int)Math.Round(t * 0.62)), on, -1, LineTypes.AntiAlias);
                continue;
            }

            var lit = Lit[c - '0'];
            foreach (var s in "abcdefg")
            {
                var colour = lit.Contains(s, StringComparison.Ordinal) ? on : ghost;
                if (colour is { } col)
                {
                    var points = Segment(s, left, top, w, h, t).Select(p => Skew(p, top + (h / 2), slant)).ToArray();
                    Cv2.FillConvexPoly(image, points, col, LineTypes.AntiAlias);
                }
            }

            index++;
        }
    }

    private static Point Skew(Point2d p, double centreY, double slant) =>
        new((int)Math.Round(p.X + ((centreY - p.Y) * slant)), (int)Math.Round(p.Y));

    private static Point2d[] Segment(char s, double x, double y, double w, double h, double t)
    {
        var g = t * 0.18; // gap between segments
        var mid = y + (h / 2);
        return s switch
        {
            'a' => Horizontal(x + g, x + w - g, y + (t / 2), t),
            'g' => Horizontal(x + g, x + w - g, mid, t),
            'd' => Horizontal(x + g, x + w - g, y + h - (t / 2), t),
            'f' => Vertical(x + (t / 2), y + g, mid - g, t),
            'b' => Vertical(x + w - (t / 2), y + g, mid - g, t),
            'e' => Vertical(x + (t / 2), mid + g, y + h - g, t),
            _ => Vertical(x + w - (t / 2), mid + g, y + h - g, t),
        };
    }

    private static Point2d[] Horizontal(double x0, double x1, double y, double t) =>
        [new(x0, y), new(x0 + (t / 2), y - (t / 2)), new(x1 - (t / 2), y - (t / 2)), new(x1, y), new(x1 - (t / 2), y + (t / 2)), new(x0 + (t / 2), y + (t / 2))];

    private static Point2d[] Vertical(double x, double y0, double y1, double t) =>
        [new(x, y0), new(x + (t / 2), y0 + (t / 2)), new(x + (t / 2), y1 - (t / 2)), new(x, y1), new(x - (t / 2), y1 - (t / 2)), new(x - (t / 2), y0 + (t / 2))];
}
