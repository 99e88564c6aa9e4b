using EdgeCredit.Agent.Capture;
using OpenCvSharp;

namespace EdgeCredit.Agent.Commissioning;

/// <summary>
/// Draws a camera's configuration on one of its frames for the person installing the box: privacy masks filled
/// black (as the analysis sees them), every region outlined in its kind's colour with its name, and a legend.
/// </summary>
internal static class SnapshotRenderer
{
    private static readonly Dictionary<RegionKind, Scalar> Colours = new()
    {
        [RegionKind.Machine] = new Scalar(0, 200, 255),
        [RegionKind.Conveyor] = new Scalar(255, 160, 0),
        [RegionKind.Station] = new Scalar(80, 220, 80),
        [RegionKind.Bay] = new Scalar(220, 80, 220),
    };

    /// <summary>Draws on <paramref name="image"/> (BGR) in place.</summary>
    public static void Draw(Mat image, CameraOptions camera)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(camera);
        var thickness = Math.Max(2, image.Width / 400);
        var fontScale = Math.Max(0.5, image.Width / 1280.0);
        foreach (var mask in camera.PrivacyMasks)
        {
            if (NormalizedPolygon.TryParse(mask, out var polygon, out _))
            {
                Cv2.FillPoly(image, [Points(polygon!, image)], Scalar.Black);
            }
        }

        foreach (var region in camera.Regions)
        {
            if (!NormalizedPolygon.TryParse(region.Polygon, out var polygon, out _))
            {
                continue;
            }

            var colour = Colours[region.Kind];
            var points = Points(polygon!, image);
            Cv2.Polylines(image, [points], isClosed: true, colour, thickness, LineTypes.AntiAlias);
            var label = $"{region.Name} ({region.Kind.ToString().ToLowerInvariant()})";
            var anchor = new Point(points.Min(p => p.X) + thickness, points.Min(p => p.Y) - (2 * thickness));
            anchor.Y = Math.Max(anchor.Y, (int)(20 * fontScale));
            Cv2.PutText(image, label, anchor, HersheyFonts.HersheySimplex, fontScale, Scalar.Black, thickness + 2, LineTypes.AntiAlias);
            Cv2.PutText(image, label, anchor, HersheyFonts.HersheySimplex, fontScale, colour, thickness, LineTypes.AntiAlias);
        }

        var legend = $"{camera.Name}: {camera.Regions.Count} regions, {camera.PrivacyMasks.Count} privacy masks (black)";
        var at = new Point(10, image.Height - 12);
        Cv2.PutText(image, legend, at, HersheyFonts.HersheySimplex, fontScale * 0.8, Scalar.Black, thickness + 2, LineTypes.AntiAlias);
        Cv2.PutText(image, legend, at, HersheyFonts.HersheySimplex, fontScale * 0.8, Scalar.White, Math.Max(1, thickness - 1), LineTypes.AntiAlias);
    }

    private static Point[] Points(NormalizedPolygon polygon, Mat image) =>
        [.. polygon.ToPixels(image.Width, image.Height).Select(p => new Point(p.X, p.Y))];
}
