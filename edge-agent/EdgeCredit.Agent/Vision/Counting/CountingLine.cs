using System.Globalization;

namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>A counting line A→B in normalised image coordinates; <see cref="Side"/> tells on which side of it a point is.</summary>
internal sealed record CountingLine(double Ax, double Ay, double Bx, double By)
{
    public static bool TryParse(string text, out CountingLine? line, out string problem)
    {
        line = null;
        var points = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = new List<double>();
        foreach (var point in points)
        {
            foreach (var part in point.Split(','))
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is < 0 or > 1)
                {
                    problem = "write two points \"x,y x,y\" (fractions of the image, 0 to 1, dot for decimals)";
                    return false;
                }

                values.Add(v);
            }
        }

        if (points.Length != 2 || values.Count != 4 || (values[0] == values[2] && values[1] == values[3]))
        {
            problem = "a counting line is two different points \"x,y x,y\" (fractions of the image, 0 to 1)";
            return false;
        }

        line = new CountingLine(values[0], values[1], values[2], values[3]);
        problem = string.Empty;
        return true;
    }

    /// <summary>
    /// Signed distance in pixels of (x, y) from the line in a frame of the given size: positive on the side
    /// <see cref="CountDirection.Forward"/> crossings come from, negative on the side they go to.
    /// </summary>
    public double Side(double x, double y, int width, int height)
    {
        var (ax, ay, bx, by) = (Ax * width, Ay * height, Bx * width, By * height);
        var (dx, dy) = (bx - ax, by - ay);
        return ((dx * (y - ay)) - (dy * (x - ax))) / Math.Sqrt((dx * dx) + (dy * dy));
    }
}
