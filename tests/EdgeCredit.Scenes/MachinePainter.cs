using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>Draws machines: the body once into the background, the moving part on every frame at its travel.</summary>
internal static class MachinePainter
{
    public static void PaintBody(Mat mat, MachineKind kind, Rect box)
    {
        ArgumentNullException.ThrowIfNull(mat);
        switch (kind)
        {
            case MachineKind.Press:
                var column = Math.Max(2, box.Width * 14 / 100);
                Cv2.Rectangle(mat, box, Palette.Opening, -1);
                Cv2.Rectangle(mat, new Rect(box.X, box.Y, column, box.Height), Palette.MachineGreen, -1);
                Cv2.Rectangle(mat, new Rect(box.Right - column, box.Y, column, box.Height), Palette.MachineGreen, -1);
                Cv2.Rectangle(mat, new Rect(box.X, box.Y, box.Width, box.Height * 18 / 100), Palette.MachineGreen, -1);
                Cv2.Rectangle(mat, new Rect(box.X, box.Bottom - (box.Height * 25 / 100), box.Width, box.Height * 25 / 100), Palette.MachineGreen, -1);
                Cv2.Rectangle(mat, new Rect(box.X + column, box.Bottom - (box.Height * 33 / 100), box.Width - (2 * column), box.Height * 8 / 100), Palette.DarkSteel, -1);
                Cv2.Rectangle(mat, new Rect(box.X + (box.Width / 3), box.Y + (box.Height / 20), box.Width / 3, box.Height / 12), Palette.SafetyYellow, -1);
                break;
            case MachineKind.Lathe:
                Cv2.Rectangle(mat, new Rect(box.X, box.Y + (box.Height * 70 / 100), box.Width, box.Height * 30 / 100), Palette.MachineBlue, -1);
                Cv2.Rectangle(mat, new Rect(box.X, box.Y, box.Width * 32 / 100, box.Height * 72 / 100), Palette.MachineBlue, -1);
                Cv2.Rectangle(mat, new Rect(box.Right - (box.Width * 18 / 100), box.Y + (box.Height * 30 / 100), box.Width * 18 / 100, box.Height * 42 / 100), Palette.MachineBlue, -1);
                var (centre, radius) = Chuck(box);
                Cv2.Rectangle(mat, new Rect(centre.X, centre.Y - (radius / 4), box.Right - (box.Width * 18 / 100) - centre.X, radius / 2), Palette.Steel, -1);
                Cv2.Rectangle(mat, new Rect(box.X + (box.Width / 20), box.Y + (box.Height / 10), box.Width / 6, box.Height / 8), Palette.DarkSteel, -1);
                break;
            default:
                var (hub, wheel) = Wheel(box);
                Cv2.Rectangle(mat, new Rect(hub.X - (wheel / 5), hub.Y, wheel * 2 / 5, box.Bottom - hub.Y), Palette.MachineGrey, -1);
                Cv2.Rectangle(mat, new Rect(box.X, box.Bottom - (box.Height / 8), box.Width, box.Height / 8), Palette.MachineGrey, -1);
                Cv2.Circle(mat, hub, wheel, Palette.Opening, -1, LineTypes.AntiAlias);
                break;
        }
    }

    /// <summary>Draws the moving part after <paramref name="travel"/> strokes or turns (it stays put while travel does not change).</summary>
    public static void DrawMoving(Mat mat, MachineKind kind, Rect box, double travel)
    {
        ArgumentNullException.ThrowIfNull(mat);
        switch (kind)
        {
            case MachineKind.Press:
                DrawRam(mat, box, travel);
                break;
            case MachineKind.Lathe:
                var (centre, radius) = Chuck(box);
                DrawStripedDisc(mat, centre, radius, travel * 360, 6, Palette.Steel, Palette.DarkSteel);
                break;
            default:
                DrawFlywheel(mat, box, travel * 360);
                break;
        }
    }

    /// <summary>Fills with <paramref name="colour"/> everywhere the moving part can be at some travel (what must be seen to see it move).</summary>
    public static void PaintSweep(Mat mat, MachineKind kind, Rect box, Scalar colour)
    {
        ArgumentNullException.ThrowIfNull(mat);
        switch (kind)
        {
            case MachineKind.Press:
                var column = Math.Max(2, box.Width * 14 / 100);
                var top = box.Y + (box.Height * 18 / 100);
                var bottom = box.Bottom - (box.Height * 33 / 100);
                Cv2.Rectangle(mat, new Rect(box.X + column, top, box.Width - (2 * column), bottom - top), colour, -1);
                break;
            case MachineKind.Lathe:
                var (centre, radius) = Chuck(box);
                Cv2.Circle(mat, centre, radius, colour, -1);
                break;
            default:
                var (hub, wheel) = Wheel(box);
                Cv2.Circle(mat, hub, wheel, colour, -1);
                break;
        }
    }

    private static void DrawRam(Mat mat, Rect box, double strokes)
    {
        var column = Math.Max(2, box.Width * 14 / 100);
        var top = box.Y + (box.Height * 18 / 100);
        var bottom = box.Bottom - (box.Height * 33 / 100);
        var ramHeight = Math.Max(4, (bottom - top) * 40 / 100);
        var amplitude = bottom - top - ramHeight - Math.Max(1, box.Height / 50);
        var y = top + (int)Math.Round(amplitude * (0.5 - (0.5 * Math.Cos(2 * Math.PI * strokes))));
        var ram = new Rect(box.X + column, y, box.Width - (2 * column), ramHeight);
        Cv2.Rectangle(mat, new Rect(ram.X + (ram.Width * 2 / 5), top, ram.Width / 5, y - top), Palette.Steel, -1);
        using (var face = new Mat(mat, ram))
        {
            face.SetTo(Palette.SafetyYellow);
            var stripe = Math.Max(3, ram.Height / 2);
            for (var x = -ram.Height; x < ram.Width; x += 2 * stripe)
            {
                Point[] band = [new(x, ram.Height), new(x + stripe, ram.Height), new(x + stripe + ram.Height, 0), new(x + ram.Height, 0)];
                Cv2.FillConvexPoly(face, band, Palette.Black);
            }
        }

        Cv2.Rectangle(mat, new Rect(box.X + column, ram.Y, column / 2, ram.Height), Palette.MachineGreen, -1);
        Cv2.Rectangle(mat, new Rect(box.Right - column - (column / 2), ram.Y, column / 2, ram.Height), Palette.MachineGreen, -1);
    }

    /// <summary>A disc with unequal dark sectors and a red mark, turned by <paramref name="angle"/> degrees.</summary>
    private static void DrawStripedDisc(Mat mat, Point centre, int radius, double angle, int sectors, Scalar light, Scalar dark)
    {
        Cv2.Circle(mat, centre, radius, light, -1, LineTypes.AntiAlias);
        var step = 360.0 / sectors;
        for (var i = 0; i < sectors; i += 2)
        {
            var width = step * (0.6 + (0.25 * i / sectors));
            var start = angle + (i * step);
            Cv2.Ellipse(mat, centre, new Size(radius, radius), 0, start, start + width, dark, -1, LineTypes.AntiAlias);
        }

        var mark = angle * Math.PI / 180;
        var markAt = new Point(centre.X + (int)(radius * 0.7 * Math.Cos(mark + 0.4)), centre.Y + (int)(radius * 0.7 * Math.Sin(mark + 0.4)));
        Cv2.Circle(mat, markAt, Math.Max(2, radius / 6), Palette.Red, -1, LineTypes.AntiAlias);
        Cv2.Circle(mat, centre, Math.Max(2, radius / 5), Palette.Black, -1, LineTypes.AntiAlias);
    }

    private static void DrawFlywheel(Mat mat, Rect box, double angle)
    {
        var (hub, radius) = Wheel(box);
        var rim = Math.Max(2, radius / 7);
        Cv2.Circle(mat, hub, radius - (rim / 2), Palette.MachineGrey, rim, LineTypes.AntiAlias);
        for (var i = 0; i < 5; i++)
        {
            var a = (angle + (i * 72)) * Math.PI / 180;
            var end = new Point(hub.X + (int)((radius - rim) * Math.Cos(a)), hub.Y + (int)((radius - rim) * Math.Sin(a)));
            Cv2.Line(mat, hub, end, Palette.Steel, Math.Max(2, radius / 9), LineTypes.AntiAlias);
        }

        var weight = angle * Math.PI / 180;
        var weightAt = new Point(hub.X + (int)((radius - rim) * Math.Cos(weight + 0.6)), hub.Y + (int)((radius - rim) * Math.Sin(weight + 0.6)));
        Cv2.Circle(mat, weightAt, Math.Max(2, radius / 5), Palette.Red, -1, LineTypes.AntiAlias);
        Cv2.Circle(mat, hub, Math.Max(2, radius / 6), Palette.Black, -1, LineTypes.AntiAlias);
    }

    private static (Point Centre, int Radius) Chuck(Rect box) =>
        (new Point(box.X + (box.Width * 42 / 100), box.Y + (box.Height * 42 / 100)), Math.Max(4, Math.Min(box.Width * 20 / 100, box.Height * 26 / 100)));

    private static (Point Hub, int Radius) Wheel(Rect box)
    {
        var radius = Math.Max(5, Math.Min(box.Width * 42 / 100, box.Height * 36 / 100));
        return (new Point(box.X + (box.Width / 2), box.Y + radius + (box.Height / 20)), radius);
    }
}
