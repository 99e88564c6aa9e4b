namespace EdgeCredit.Scenes.Tests;

/// <summary>Pixel measures on grey frames used to check the truth against what was drawn.</summary>
internal static class FrameStats
{
    /// <summary>Fraction of pixels inside the box whose grey level changed by more than <paramref name="threshold"/>.</summary>
    public static double ChangedFraction(byte[] a, byte[] b, int width, NormalizedRect box, int threshold = 25)
    {
        var height = a.Length / width;
        var rect = box.ToPixels(width, height);
        var changed = 0;
        for (var y = Math.Max(0, rect.Y); y < Math.Min(height, rect.Bottom); y++)
        {
            for (var x = Math.Max(0, rect.X); x < Math.Min(width, rect.Right); x++)
            {
                var i = (y * width) + x;
                if (Math.Abs(a[i] - b[i]) > threshold)
                {
                    changed++;
                }
            }
        }

        return (double)changed / (rect.Width * rect.Height);
    }

    public static double MeanAbsDifference(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return (double)sum / a.Length;
    }

    public static double Mean(byte[] a) => a.Average(v => (double)v);

    /// <summary>Fraction of pixels within ±<paramref name="band"/> of the median: near 1 for a flat, textureless view.</summary>
    public static double FlatFraction(byte[] a, int band = 12)
    {
        var sorted = (byte[])a.Clone();
        Array.Sort(sorted);
        var median = sorted[sorted.Length / 2];
        return a.Count(v => Math.Abs(v - median) <= band) / (double)a.Length;
    }

    /// <summary>Mean squared 4-neighbour Laplacian: falls when the view is blurred.</summary>
    public static double Sharpness(byte[] a, int width)
    {
        var height = a.Length / width;
        double sum = 0;
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = (y * width) + x;
                double l = (4 * a[i]) - a[i - 1] - a[i + 1] - a[i - width] - a[i + width];
                sum += l * l;
            }
        }

        return sum / ((width - 2) * (height - 2));
    }
}
