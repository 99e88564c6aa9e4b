namespace EdgeCredit.Agent.Vision;

/// <summary>Texture and sharpness measures on a grey thumbnail.</summary>
internal static class ImageMeasures
{
    /// <summary>
    /// Variance of the 4-neighbour Laplacian divided by the variance of the picture: high-frequency energy per unit of
    /// contrast, so a change of lighting (gain) does not change it while a blur lowers it a lot. 0 for a flat picture.
    /// </summary>
    public static double NormalizedSharpness(ReadOnlySpan<byte> pixels, int width, int height)
    {
        long sum = 0, sumSq = 0;
        foreach (var p in pixels)
        {
            sum += p;
            sumSq += p * p;
        }

        var n = (double)pixels.Length;
        var variance = (sumSq / n) - ((sum / n) * (sum / n));
        if (variance < 1e-6 || width < 3 || height < 3)
        {
            return 0;
        }

        double lapSum = 0, lapSq = 0;
        var count = 0;
        for (var y = 1; y < height - 1; y++)
        {
            var row = y * width;
            for (var x = 1; x < width - 1; x++)
            {
                var i = row + x;
                var l = pixels[i - 1] + pixels[i + 1] + pixels[i - width] + pixels[i + width] - (4 * pixels[i]);
                lapSum += l;
                lapSq += l * l;
                count++;
            }
        }

        var lapVariance = (lapSq / count) - ((lapSum / count) * (lapSum / count));
        return lapVariance / variance;
    }

    /// <summary>Gradient magnitude (|dx| + |dy|, central differences) divided by its mean: an edge map that ignores the gain.</summary>
    public static void NormalizedEdges(ReadOnlySpan<byte> pixels, int width, int height, Span<float> edges)
    {
        edges.Clear();
        double total = 0;
        for (var y = 1; y < height - 1; y++)
        {
            var row = y * width;
            for (var x = 1; x < width - 1; x++)
            {
                var i = row + x;
                var e = Math.Abs(pixels[i + 1] - pixels[i - 1]) + Math.Abs(pixels[i + width] - pixels[i - width]);
                edges[i] = e;
                total += e;
            }
        }

        var mean = total / edges.Length;
        if (mean < 1e-6)
        {
            return;
        }

        var scale = (float)(1 / mean);
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] *= scale;
        }
    }

    /// <summary>Normalized cross-correlation (Pearson) of two equally long maps; 0 when either is flat.</summary>
    public static double Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (var i = 0; i < a.Length; i++)
        {
            double x = a[i], y = b[i];
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }

        var n = (double)a.Length;
        var cov = sab - (sa * sb / n);
        var va = saa - (sa * sa / n);
        var vb = sbb - (sb * sb / n);
        return va <= 1e-9 || vb <= 1e-9 ? 0 : cov / Math.Sqrt(va * vb);
    }
}
