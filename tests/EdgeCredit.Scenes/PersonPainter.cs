using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>Draws a walking person (helmet, head, shirt, swinging arms and legs); standing people move their arms as if working.</summary>
internal static class PersonPainter
{
    /// <param name="solid">Paints every part in this colour instead (a mask of what the person covers).</param>
    public static void Draw(Mat mat, ScriptedPerson person, double t, double aspect, Scalar? solid = null)
    {
        ArgumentNullException.ThrowIfNull(mat);
        ArgumentNullException.ThrowIfNull(person);
        if (person.X(t) is not { } x)
        {
            return;
        }

        var (w, h) = (mat.Width, mat.Height);
        var body = person.Height * h;
        var cx = (int)Math.Round(x * w);
        var foot = (int)Math.Round(person.FootY * h);
        var stride = person.Height * 0.5 / aspect;
        var walking = person.Pauses().All(p => t < p.Start || t > p.End);
        var swing = walking ? 0.45 * Math.Sin(2 * Math.PI * person.Walked(t) / stride) : 0;
        var work = walking ? -swing : 0.5 + (0.35 * Math.Sin(2 * Math.PI * 0.9 * t));
        var hip = new Point(cx, foot - (int)(0.47 * body));
        var shoulder = new Point(cx, foot - (int)(0.80 * body));
        var limb = Math.Max(2, (int)(0.07 * body));
        var leg = 0.47 * body;
        var arm = 0.36 * body;

        var trousers = solid ?? Palette.Trousers;
        Cv2.Line(mat, hip, Offset(hip, leg, swing), trousers, limb, LineTypes.AntiAlias);
        Cv2.Line(mat, hip, Offset(hip, leg, -swing), trousers, limb, LineTypes.AntiAlias);
        var shirt = solid ?? Palette.Shirts[person.Colour % Palette.Shirts.Length];
        var torso = new Rect(cx - (int)(0.11 * body), shoulder.Y, (int)(0.22 * body), hip.Y - shoulder.Y + limb);
        Cv2.Rectangle(mat, torso, shirt, -1);
        Cv2.Line(mat, shoulder, Offset(shoulder, arm, work), shirt, Math.Max(2, limb * 3 / 4), LineTypes.AntiAlias);
        Cv2.Line(mat, shoulder, Offset(shoulder, arm, walking ? swing : -0.2), shirt, Math.Max(2, limb * 3 / 4), LineTypes.AntiAlias);
        var head = new Point(cx, shoulder.Y - (int)(0.09 * body));
        var radius = Math.Max(2, (int)(0.075 * body));
        Cv2.Circle(mat, head, radius, solid ?? Palette.Skin, -1, LineTypes.AntiAlias);
        Cv2.Ellipse(mat, head, new Size(radius + 1, radius + 1), 0, 180, 360, solid ?? Palette.SafetyYellow, -1, LineTypes.AntiAlias);
    }

    /// <summary>The end of a limb of <paramref name="length"/> pixels hanging down, swung by <paramref name="radians"/>.</summary>
    private static Point Offset(Point from, double length, double radians) =>
        new(from.X + (int)Math.Round(length * Math.Sin(radians)), from.Y + (int)Math.Round(length * Math.Cos(radians)));
}
