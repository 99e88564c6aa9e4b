using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision;

/// <summary>Rasterizes polygons once per frame size into byte masks (1 inside, 0 outside; pixel centres, even-odd rule).</summary>
internal static class PolygonRaster
{
    public static byte[] Mask(NormalizedPolygon polygon, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        var mask = new byte[width * height];
        Fill(mask, polygon, width, height);
        return mask;
    }

    /// <summary>Sets the pixels inside the polygon to 1 in an existing mask.</summary>
    public static void Fill(byte[] mask, NormalizedPolygon polygon, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(polygon);
        var points = polygon.ToPixels(width, height);
        var crossings = new List<double>(points.Count);
        for (var y = 0; y < height; y++)
        {
            crossings.Clear();
            var cy = y + 0.5;
            for (int i = 0, j = points.Count - 1; i < points.Count; j = i++)
            {
                var (x1, y1) = points[j];
                var (x2, y2) = points[i];
                if ((y1 <= cy && y2 > cy) || (y2 <= cy && y1 > cy))
                {
                    crossings.Add(x1 + ((cy - y1) / (y2 - y1) * (x2 - x1)));
                }
            }

            crossings.Sort();
            for (var k = 0; k + 1 < crossings.Count; k += 2)
            {
                var from = Math.Max(0, (int)Math.Ceiling(crossings[k] - 0.5));
                var to = Math.Min(width - 1, (int)Math.Floor(crossings[k + 1] + 0.5));
                for (var x = from; x <= to; x++)
                {
                    mask[(y * width) + x] = 1;
                }
            }
        }
    }
}
