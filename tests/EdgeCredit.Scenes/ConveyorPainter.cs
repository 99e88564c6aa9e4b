using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>Draws the conveyor: rails once, then the belt's slats and the items at the belt's position on each frame.</summary>
internal static class ConveyorPainter
{
    public static void PaintFrame(Mat mat, Rect belt)
    {
        ArgumentNullException.ThrowIfNull(mat);
        var rail = Math.Max(2, belt.Height / 8);
        for (var x = belt.Width / 12; x < belt.Right; x += belt.Width / 6)
        {
            Cv2.Rectangle(mat, new Rect(x, belt.Bottom, Math.Max(2, rail), Math.Max(1, mat.Height - belt.Bottom)), Palette.DarkSteel, -1);
        }

        Cv2.Rectangle(mat, belt, Palette.Belt, -1);
        Cv2.Rectangle(mat, new Rect(belt.X, belt.Y - rail, belt.Width, rail), Palette.MachineGrey, -1);
        Cv2.Rectangle(mat, new Rect(belt.X, belt.Bottom - rail, belt.Width, rail), Palette.MachineGrey, -1);
    }

    /// <param name="travel">How far the belt has moved, in image widths.</param>
    public static void DrawMoving(Mat mat, Rect belt, double travel, IReadOnlyList<ScriptedItem> items)
    {
        ArgumentNullException.ThrowIfNull(mat);
        ArgumentNullException.ThrowIfNull(items);
        var w = mat.Width;
        var rail = Math.Max(2, belt.Height / 8);
        var spacing = Math.Max(6, w * 3 / 100);
        var shift = (int)Math.Round(travel * w % spacing);
        for (var x = belt.X + shift - spacing; x < belt.Right; x += spacing)
        {
            Cv2.Line(mat, new Point(x, belt.Y), new Point(x + (spacing / 3), belt.Bottom - rail - 1), Palette.Slat, Math.Max(1, spacing / 5));
        }

        foreach (var item in items)
        {
            var front = travel - item.Offset;
            var back = front - item.Length;
            if (front < 0 || back > 1)
            {
                continue;
            }

            var x0 = (int)Math.Round(back * w);
            var x1 = (int)Math.Round(front * w);
            var height = Math.Max(4, (int)(item.Length * w * 0.8));
            var box = new Rect(x0, belt.Y + (belt.Height / 3) - height, x1 - x0, height);
            Cv2.Rectangle(mat, box, Palette.Boxes[item.Colour], -1);
            Cv2.Rectangle(mat, box, Palette.Black, 1);
            Cv2.Line(mat, new Point(x0, box.Y + (height / 3)), new Point(x1, box.Y + (height / 3)), Palette.Steel, Math.Max(1, height / 8));
        }
    }
}
