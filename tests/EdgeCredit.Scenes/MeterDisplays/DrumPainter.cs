using OpenCvSharp;

namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>
/// Draws a rolling-drum register: one window per wheel, black digits on white wheels and white digits on red wheels
/// for the decimals. A wheel that is turning shows the lower part of its digit leaving at the top and the next digit
/// coming in from below; wheels are shaded like cylinders.
/// </summary>
internal static class DrumPainter
{
    public static void Draw(Mat image, Rect area, int digits, int decimals, double register, double jitter)
    {
        ArgumentNullException.ThrowIfNull(image);
        var whole = (long)Math.Floor(register);
        var turn = register - whole;
        var pitch = area.Width / (double)digits;
        var windowW = (int)(pitch * 0.8);
        var windowH = (int)Math.Min(area.Height * 0.9, windowW * 1.55);
        var top = area.Y + ((area.Height - windowH) / 2);
        for (var i = 0; i < digits; i++)
        {
            var power = digits - 1 - i; // wheel for 10^power units
            var scale = (long)Math.Pow(10, power);
            var digit = (int)(whole / scale % 10);
            var lowerAllNines = whole % scale == scale - 1;
            var fraction = (power == 0 || lowerAllNines ? turn : 0) + jitter;
            var red = i >= digits - decimals;
            var window = new Rect(area.X + (int)((i * pitch) + ((pitch - windowW) / 2)), top, windowW, windowH);
            DrawWheel(image, window, digit, fraction, red);
        }
    }

    private static void DrawWheel(Mat image, Rect window, int digit, double fraction, bool red)
    {
        var paper = red ? new Scalar(40, 40, 190) : new Scalar(228, 228, 222);
        var ink = red ? new Scalar(245, 245, 245) : new Scalar(25, 25, 25);
        using var wheel = new Mat(window.Height, window.Width, MatType.CV_8UC3, paper);
        var glyphH = window.Height * 0.64;
        var fontScale = glyphH / 22.0; // Hershey Duplex digits are about 22 px high at scale 1
        var pitch = window.Height * 1.12; // distance between digits on the wheel
        for (var k = -1; k <= 2; k++)
        {
            var d = (((digit + k) % 10) + 10) % 10;
            var size = Cv2.GetTextSize(d.ToString(System.Globalization.CultureInfo.InvariantCulture), HersheyFonts.HersheyDuplex, fontScale, Math.Max(1, (int)(fontScale * 1.6)), out _);
            var centreY = (window.Height / 2.0) + ((k - fraction) * pitch);
            var origin = new Point((window.Width - size.Width) / 2, (int)Math.Round(centreY + (size.Height / 2.0)));
            Cv2.PutText(wheel, d.ToString(System.Globalization.CultureInfo.InvariantCulture), origin, HersheyFonts.HersheyDuplex, fontScale, ink, Math.Max(1, (int)(fontScale * 1.6)), LineTypes.AntiAlias);
        }

        // Cylinder shading: darker towards the top and bottom of the window.
        var profile = new float[window.Height * window.Width * 3];
        for (var y = 0; y < window.Height; y++)
        {
            var a = ((2.0 * y) / (window.Height - 1)) - 1;
            Array.Fill(profile, (float)(1 - (0.45 * a * a)), y * window.Width * 3, window.Width * 3);
        }

        using var shade = Mat.FromPixelData(window.Height, window.Width, MatType.CV_32FC3, profile);

        using var asFloat = new Mat();
        wheel.ConvertTo(asFloat, MatType.CV_32FC3);
        Cv2.Multiply(asFloat, shade, asFloat);
        using var target = new Mat(image, window);
        asFloat.ConvertTo(target, MatType.CV_8UC3);
        Cv2.Rectangle(image, window, new Scalar(30, 30, 30), 2);
    }
}
