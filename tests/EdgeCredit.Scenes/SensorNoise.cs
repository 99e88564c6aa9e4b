using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>
/// Gaussian sensor noise: one field of N(0, sigma) values larger than the frame is drawn once from the seed, split into its
/// positive and negative parts; each frame adds a window of it at an offset drawn per frame (4,096 offsets), so
/// consecutive frames get different noise at the cost of two saturating adds.
/// </summary>
internal sealed class SensorNoise : IDisposable
{
    private const int Pad = 64;
    private readonly Mat positive;
    private readonly Mat negative;
    private readonly int seed;
    private readonly Size size;

    public SensorNoise(int width, int height, double sigma, int seed)
    {
        this.seed = seed;
        size = new Size(width, height);
        var (w, h) = (width + Pad, height + Pad);
        var up = new byte[w * h * 3];
        var down = new byte[w * h * 3];
        var random = new Random(seed);
        for (var i = 0; i < up.Length; i += 2)
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            var r = sigma * Math.Sqrt(-2 * Math.Log(u1));
            Store(up, down, i, r * Math.Cos(2 * Math.PI * u2));
            if (i + 1 < up.Length)
            {
                Store(up, down, i + 1, r * Math.Sin(2 * Math.PI * u2));
            }
        }

        positive = new Mat(h, w, MatType.CV_8UC3);
        negative = new Mat(h, w, MatType.CV_8UC3);
        Marshal.Copy(up, 0, positive.Data, up.Length);
        Marshal.Copy(down, 0, negative.Data, down.Length);
    }

    public void Apply(Mat frame, int index)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var ox = (int)(Hashing.Uniform(seed, 21, index) * Pad);
        var oy = (int)(Hashing.Uniform(seed, 22, index) * Pad);
        var window = new Rect(ox, oy, size.Width, size.Height);
        using var up = new Mat(positive, window);
        using var down = new Mat(negative, window);
        Cv2.Add(frame, up, frame);
        Cv2.Subtract(frame, down, frame);
    }

    public void Dispose()
    {
        positive.Dispose();
        negative.Dispose();
    }

    private static void Store(byte[] up, byte[] down, int i, double value)
    {
        var rounded = (int)Math.Round(value);
        up[i] = (byte)Math.Clamp(rounded, 0, 255);
        down[i] = (byte)Math.Clamp(-rounded, 0, 255);
    }
}
