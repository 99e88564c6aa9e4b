using OpenCvSharp;

namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>
/// Renders a camera frame (640 × 480, BGR) of a meter on a wall: a body with a display window, a "kWh" label and a serial
/// number below it, then the spec's degradation. Everything is drawn from the seed, so the truth is exact. The region
/// is the meter body's bounding box plus a margin, as an installer would draw it when commissioning.
/// </summary>
internal static class MeterDisplayRenderer
{
    public static RenderedDisplay Render(MeterDisplaySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var random = new Random(spec.Seed);
        var frame = new Mat(MeterDisplaySpec.Height, MeterDisplaySpec.Width, MatType.CV_8UC3);
        PaintWall(frame, random);
        var bodyW = random.Next(330, 440);
        var bodyH = (int)(bodyW * random.NextDouble(0.52, 0.62));
        var body = new Rect(random.Next(40, MeterDisplaySpec.Width - bodyW - 40), random.Next(40, MeterDisplaySpec.Height - bodyH - 40), bodyW, bodyH);
        var shade = random.Next(185, 235);
        Cv2.Rectangle(frame, body, new Scalar(shade, shade, shade - random.Next(0, 12)), -1, LineTypes.AntiAlias);
        Cv2.Rectangle(frame, body, new Scalar(shade - 70, shade - 70, shade - 70), 2, LineTypes.AntiAlias);
        var display = new Rect(body.X + (int)(bodyW * 0.07), body.Y + (int)(bodyH * 0.18), (int)(bodyW * 0.86), (int)(bodyH * 0.42));
        PaintDisplay(frame, display, spec, random);
        var labelScale = bodyW / 700.0;
        Cv2.PutText(frame, "kWh", new Point(display.X + (display.Width * 0.42), display.Bottom + (bodyH * 0.2)), HersheyFonts.HersheySimplex, labelScale * 1.2, new Scalar(40, 40, 40), 2, LineTypes.AntiAlias);
        Cv2.PutText(frame, $"No. {random.Next(100000, 999999)}  {random.Next(100, 999)} rev/kWh", new Point(body.X + 12, body.Bottom - 10), HersheyFonts.HersheySimplex, labelScale * 0.7, new Scalar(60, 60, 60), 1, LineTypes.AntiAlias);
        Point2f[] corners = [new(body.Left, body.Top), new(body.Right, body.Top), new(body.Right, body.Bottom), new(body.Left, body.Bottom)];
        if (spec.Degradation == Degradation.Perspective)
        {
            corners = Perspective(frame, corners, random);
        }

        Degrade(frame, spec.Degradation, display, random);
        return new RenderedDisplay(frame, Region(corners), spec);
    }

    private static void PaintWall(Mat frame, Random random)
    {
        var baseGrey = random.Next(90, 150);
        frame.SetTo(new Scalar(baseGrey, baseGrey + random.Next(-8, 8), baseGrey + random.Next(-8, 8)));
        for (var i = 0; i < 6; i++)
        {
            var y = random.Next(0, MeterDisplaySpec.Height);
            Cv2.Line(frame, new Point(0, y), new Point(MeterDisplaySpec.Width, y + random.Next(-20, 20)), new Scalar(baseGrey - 25, baseGrey - 25, baseGrey - 25), random.Next(1, 4));
        }
    }

    private static void PaintDisplay(Mat frame, Rect display, MeterDisplaySpec spec, Random random)
    {
        var digitArea = new Rect(display.X + (display.Width / 20), display.Y + (display.Height / 10), display.Width * 9 / 10, display.Height * 8 / 10);
        switch (spec.Kind)
        {
            case DisplayKind.Lcd:
                var g = random.Next(150, 185);
                Cv2.Rectangle(frame, display, new Scalar(g - 10, g + 8, g - 4), -1);
                SegmentPainter.Draw(frame, digitArea, spec.Text, new Scalar(40, 48, 38), new Scalar(g - 16, g + 1, g - 10), 0.1);
                break;
            case DisplayKind.SevenSegment:
                Cv2.Rectangle(frame, display, new Scalar(18, 18, 22), -1);
                SegmentPainter.Draw(frame, digitArea, new string('8', spec.Digits), new Scalar(25, 24, 30), null, 0.05); // unlit segments, faintly visible
                using (var layer = new Mat(frame.Size(), MatType.CV_8UC3, Scalar.All(0)))
                {
                    SegmentPainter.Draw(layer, digitArea, spec.Text, new Scalar(90, 80, 250), null, 0.05);
                    using var glow = new Mat();
                    Cv2.GaussianBlur(layer, glow, new Size(0, 0), 3);
                    Cv2.Add(frame, layer, frame);
                    Cv2.AddWeighted(frame, 1, glow, 0.6, 0, frame);
                }

                break;
            default:
                Cv2.Rectangle(frame, display, new Scalar(25, 25, 25), -1);
                DrumPainter.Draw(frame, digitArea, spec.Digits, spec.Decimals, spec.Register, random.NextDouble(-0.05, 0.05));
                break;
        }
    }

    private static Point2f[] Perspective(Mat frame, Point2f[] corners, Random random)
    {
        var w = corners[1].X - corners[0].X;
        var h = corners[3].Y - corners[0].Y;
        var centre = new Point2f((corners[0].X + corners[2].X) / 2, (corners[0].Y + corners[2].Y) / 2);
        var roll = random.NextDouble(-7, 7) * Math.PI / 180;
        var moved = corners.Select(p =>
        {
            var jx = random.NextDouble(-0.12, 0.12) * w;
            var jy = random.NextDouble(-0.12, 0.12) * h;
            var dx = p.X - centre.X + jx;
            var dy = p.Y - centre.Y + jy;
            return new Point2f(centre.X + (float)((dx * Math.Cos(roll)) - (dy * Math.Sin(roll))), centre.Y + (float)((dx * Math.Sin(roll)) + (dy * Math.Cos(roll))));
        }).ToArray();
        using var transform = Cv2.GetPerspectiveTransform(corners, moved);
        Cv2.WarpPerspective(frame, frame, transform, frame.Size(), InterpolationFlags.Linear, BorderTypes.Reflect);
        return moved;
    }

    private static void Degrade(Mat frame, Degradation degradation, Rect display, Random random)
    {
        switch (degradation)
        {
            case Degradation.Blur:
                Cv2.GaussianBlur(frame, frame, new Size(0, 0), random.NextDouble(1.2, 2.2));
                AddNoise(frame, 2, random);
                break;
            case Degradation.Noise:
                AddNoise(frame, random.NextDouble(10, 18), random);
                break;
            case Degradation.Glare:
                using (var glare = new Mat(frame.Size(), MatType.CV_8UC3, Scalar.All(0)))
                {
                    var centre = new Point(display.X + random.Next(0, display.Width), display.Y + random.Next(0, display.Height));
                    var axes = new Size(random.Next(display.Width / 8, display.Width / 4), random.Next(display.Height / 4, display.Height / 2));
                    Cv2.Ellipse(glare, centre, axes, random.Next(0, 180), 0, 360, Scalar.All(255), -1, LineTypes.AntiAlias);
                    Cv2.GaussianBlur(glare, glare, new Size(0, 0), axes.Width / 2.0);
                    var strength = random.NextDouble(0.35, 0.55);
                    using var inverse = new Mat();
                    Cv2.Subtract(Scalar.All(255), frame, inverse);
                    using var lift = new Mat();
                    Cv2.Multiply(inverse, glare, lift, strength / 255.0);
                    Cv2.Add(frame, lift, frame);
                }

                AddNoise(frame, 2, random);
                break;
            default:
                AddNoise(frame, 2, random);
                break;
        }
    }

    private static void AddNoise(Mat frame, double sigma, Random random)
    {
        using var noise = new Mat(frame.Size(), MatType.CV_16SC3);
        var rng = new RNG((ulong)random.NextInt64(1, long.MaxValue));
        rng.Fill(noise, DistributionType.Normal, Scalar.All(0), Scalar.All(sigma));
        using var wide = new Mat();
        frame.ConvertTo(wide, MatType.CV_16SC3);
        Cv2.Add(wide, noise, wide);
        wide.ConvertTo(frame, MatType.CV_8UC3);
    }

    private static NormalizedRect Region(Point2f[] corners)
    {
        var x0 = corners.Min(p => p.X);
        var x1 = corners.Max(p => p.X);
        var y0 = corners.Min(p => p.Y);
        var y1 = corners.Max(p => p.Y);
        var mx = (x1 - x0) * 0.04;
        var my = (y1 - y0) * 0.04;
        return new NormalizedRect(
            Math.Clamp((x0 - mx) / MeterDisplaySpec.Width, 0, 1),
            Math.Clamp((y0 - my) / MeterDisplaySpec.Height, 0, 1),
            Math.Clamp((x1 + mx) / MeterDisplaySpec.Width, 0, 1),
            Math.Clamp((y1 + my) / MeterDisplaySpec.Height, 0, 1));
    }
}
