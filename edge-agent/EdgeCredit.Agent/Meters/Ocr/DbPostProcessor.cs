using OpenCvSharp;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// PP-OCR's DB post-processing: the probability map is thresholded into a bitmap, each connected contour becomes its
/// minimum-area rectangle, rectangles whose mean probability is below <see cref="SideBoxThreshold"/> are dropped (the main line needs <see cref="BoxThreshold"/>), and the
/// rest are grown by the "unclip" distance (area × ratio / perimeter on every side, as the DB paper's shrunk training
/// targets require) and scaled back to the region image.
/// </summary>
internal static class DbPostProcessor
{
    public const float BinaryThreshold = 0.3f;
    public const float BoxThreshold = 0.6f;

    /// <summary>A box beside the main line may be weaker (a lone narrow digit in a drum window scores lower).</summary>
    public const float SideBoxThreshold = 0.35f;
    public const float UnclipRatio = 1.5f;
    private const float MinSide = 3;
    private const int MaxCandidates = 200;

    /// <summary>Boxes of the map (<paramref name="map"/> is H × W probabilities), in the coordinates of an image scaled by the given factors.</summary>
    public static IReadOnlyList<TextBox> FindBoxes(float[] map, int width, int height, float scaleX, float scaleY)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var probability = Mat.FromPixelData(height, width, MatType.CV_32FC1, map);
        using var bitmap = new Mat();
        Cv2.Threshold(probability, bitmap, BinaryThreshold, 255, ThresholdTypes.Binary);
        using var bytes = new Mat();
        bitmap.ConvertTo(bytes, MatType.CV_8UC1);
        Cv2.FindContours(bytes, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
        var boxes = new List<TextBox>();
        foreach (var contour in contours.Take(MaxCandidates))
        {
            var rect = Cv2.MinAreaRect(contour);
            if (Math.Min(rect.Size.Width, rect.Size.Height) < MinSide)
            {
                continue;
            }

            var score = MeanInside(probability, TextBox.Order(rect.Points()));
            if (score < SideBoxThreshold)
            {
                continue;
            }

            var w = rect.Size.Width;
            var h = rect.Size.Height;
            var distance = w * h * UnclipRatio / (2 * (w + h));
            var grown = new RotatedRect(rect.Center, new Size2f(w + (2 * distance), h + (2 * distance)), rect.Angle);
            if (Math.Min(grown.Size.Width, grown.Size.Height) < MinSide + 2)
            {
                continue;
            }

            var corners = TextBox.Order(grown.Points());
            for (var i = 0; i < corners.Length; i++)
            {
                corners[i] = new Point2f(corners[i].X * scaleX, corners[i].Y * scaleY);
            }

            boxes.Add(new TextBox(corners, score));
        }

        return boxes;
    }

    /// <summary>
    /// The meter's register as one line: the largest box and every box beside it on the same line (a register is often
    /// found in pieces: integer digits, decimals on a red drum, a gap at the decimal point), joined into the
    /// minimum-area rectangle around them all. Null when nothing was found.
    /// </summary>
    public static TextBox? MainLine(IReadOnlyList<TextBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var main = boxes.Where(b => b.Score >= BoxThreshold).MaxBy(b => b.Width * b.Height);
        if (main is null)
        {
            return null;
        }

        var line = boxes.Where(b => b.CentreY >= main.Top && b.CentreY <= main.Bottom
            && b.Height >= main.Height * 0.5f && b.Height <= main.Height * 2f).ToList();
        if (line.Count == 1)
        {
            return main;
        }

        var rect = Cv2.MinAreaRect(line.SelectMany(b => b.Corners));
        return new TextBox(TextBox.Order(rect.Points()), line.Average(b => b.Score));
    }

    private static float MeanInside(Mat probability, Point2f[] corners)
    {
        var xMin = (int)Math.Clamp(Math.Floor(corners.Min(p => p.X)), 0, probability.Cols - 1);
        var xMax = (int)Math.Clamp(Math.Ceiling(corners.Max(p => p.X)), 0, probability.Cols - 1);
        var yMin = (int)Math.Clamp(Math.Floor(corners.Min(p => p.Y)), 0, probability.Rows - 1);
        var yMax = (int)Math.Clamp(Math.Ceiling(corners.Max(p => p.Y)), 0, probability.Rows - 1);
        using var mask = new Mat(yMax - yMin + 1, xMax - xMin + 1, MatType.CV_8UC1, Scalar.All(0));
        var shifted = corners.Select(p => new Point((int)Math.Round(p.X - xMin), (int)Math.Round(p.Y - yMin))).ToArray();
        Cv2.FillPoly(mask, [shifted], Scalar.All(1));
        using var roi = new Mat(probability, new Rect(xMin, yMin, xMax - xMin + 1, yMax - yMin + 1));
        return (float)Cv2.Mean(roi, mask).Val0;
    }
}
