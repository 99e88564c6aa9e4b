using System.Globalization;

namespace EdgeCredit.Agent.Capture;

/// <summary>A polygon in normalized image coordinates (0..1), parsed from "x,y x,y x,y ...".</summary>
internal sealed record NormalizedPolygon(IReadOnlyList<(double X, double Y)> Points)
{
    /// <summary>Parses the configuration syntax; false with a reason when it is not at least three points inside 0..1.</summary>
    public static bool TryParse(string? text, out NormalizedPolygon? polygon, out string problem)
    {
        polygon = null;
        var points = new List<(double, double)>();
        foreach (var pair in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            {
                problem = $"'{pair}' is not a point: write points as x,y with a dot for decimals, separated by spaces";
                return false;
            }

            if (x is < 0 or > 1 || y is < 0 or > 1)
            {
                problem = $"point {pair} is outside the image: coordinates are fractions of the width and height, 0 to 1";
                return false;
            }

            points.Add((x, y));
        }

        if (points.Count < 3)
        {
            problem = "a polygon needs at least three points \"x,y x,y x,y\" (fractions of the image, 0 to 1)";
            return false;
        }

        polygon = new NormalizedPolygon(points);
        problem = string.Empty;
        return true;
    }

    /// <summary>The points in pixels of an image of the given size.</summary>
    public IReadOnlyList<(int X, int Y)> ToPixels(int width, int height) =>
        [.. Points.Select(p => ((int)Math.Round(p.X * (width - 1)), (int)Math.Round(p.Y * (height - 1))))];
}
