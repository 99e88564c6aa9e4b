using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>Paints what never moves: textured wall and floor, machine bodies, the conveyor frame. Done once per clip.</summary>
internal static class BackgroundPainter
{
    public static Mat Paint(SceneScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var (w, h) = (script.Spec.Width, script.Spec.Height);
        var random = new Random(Hashing.SubSeed(script.Spec.Seed, 7));
        var mat = new Mat(h, w, MatType.CV_8UC3, Palette.Floor);
        var horizon = (int)(0.45 * h);
        Cv2.Rectangle(mat, new Rect(0, 0, w, horizon), Palette.Wall, -1);
        var panel = Math.Max(8, w / 9);
        for (var x = random.Next(panel); x < w; x += panel)
        {
            Cv2.Line(mat, new Point(x, 0), new Point(x, horizon), Palette.WallPanel, Math.Max(1, w / 320));
            for (var y = h / 20; y < horizon; y += h / 10)
            {
                Cv2.Circle(mat, new Point(x + 4, y), Math.Max(1, w / 400), Palette.DarkSteel, -1);
            }
        }

        Cv2.Rectangle(mat, new Rect(0, horizon - (h / 40), w, h / 40), Palette.SafetyYellow, -1);
        Cv2.PutText(mat, "HALL B", new Point(w * 0.78, h * 0.08), HersheyFonts.HersheySimplex, w / 900.0, Palette.Black, Math.Max(1, w / 400), LineTypes.AntiAlias);

        // Floor: lines converging to a vanishing point above the wall, and rows further apart nearer the camera.
        var vanishing = new Point(w / 2, -h / 2);
        for (var i = -6; i <= 14; i++)
        {
            var x = (i * w / 8) + (w / 16);
            var top = vanishing.X + ((x - vanishing.X) * (horizon - vanishing.Y) / (double)(h - vanishing.Y));
            Cv2.Line(mat, new Point((int)top, horizon), new Point(x, h), Palette.FloorLine, Math.Max(1, w / 400), LineTypes.AntiAlias);
        }

        for (var row = 1.0; horizon + (row * row * h / 60) < h; row += 1)
        {
            var y = horizon + (int)(row * row * h / 60);
            Cv2.Line(mat, new Point(0, y), new Point(w, y), Palette.FloorLine, Math.Max(1, w / 500));
        }

        Cv2.Rectangle(mat, new Rect(0, (int)(0.735 * h), w, Math.Max(2, h / 90)), Palette.SafetyYellow, -1);

        foreach (var region in script.Regions)
        {
            if (region.Machine is { } kind)
            {
                MachinePainter.PaintBody(mat, kind, region.Box.ToPixels(w, h));
            }
            else
            {
                ConveyorPainter.PaintFrame(mat, region.Box.ToPixels(w, h));
            }
        }

        AddTexture(mat, random);
        return mat;
    }

    /// <summary>Blotchy low-frequency stains plus fine grit, so blur and camera moves have something to act on.</summary>
    private static void AddTexture(Mat mat, Random random)
    {
        var (w, h) = (mat.Width, mat.Height);
        using var coarse = RandomGrey(Math.Max(4, w / 24), Math.Max(4, h / 24), random);
        using var coarseUp = new Mat();
        Cv2.Resize(coarse, coarseUp, new Size(w, h), 0, 0, InterpolationFlags.Cubic);
        using var fine = RandomGrey(w, h, random);
        using var mixed = new Mat();
        Cv2.AddWeighted(coarseUp, 0.7, fine, 0.3, 0, mixed);
        using var mixedBgr = new Mat();
        Cv2.CvtColor(mixed, mixedBgr, ColorConversionCodes.GRAY2BGR);
        Cv2.AddWeighted(mat, 1.0, mixedBgr, 0.22, -0.22 * 128, mat);
    }

    private static Mat RandomGrey(int w, int h, Random random)
    {
        var bytes = new byte[w * h];
        random.NextBytes(bytes);
        var mat = new Mat(h, w, MatType.CV_8UC1);
        Marshal.Copy(bytes, 0, mat.Data, bytes.Length);
        return mat;
    }
}
