namespace EdgeCredit.Agent.Vision;

/// <summary>Texture and sharpness measures on a grey thumbnail.</summary>
internal static class ImageMeasures
{
    /// <summary>
    /// Share of the picture's <paramref name="block"/>-pixel square blocks whose grey levels have a standard deviation below
    /// <paramref name="contrast"/> (flat: no texture). Blocks that are all 0 (blanked by a privacy mask) are left out; 0
    /// when every block is.
    /// </summary>
    public static double FlatShare(ReadOnlySpan<byte> pixels, int width, int height, int block, double contrast)
    {
        var limit = contrast * contrast * block * block;
        int flat = 0, counted = 0;
        for (var by = 0; by + block <= height; by += block)
        {
            for (var bx = 0; bx + block <= width; bx += block)
            {
                long sum = 0, squares = 0;
                for (var y = by; y < by + block; y++)
                {
                    foreach (var v in pixels.Slice((y * width) + bx, block))
                    {
                        sum += v;
                        squares += v * v;
                    }
                }

                if (sum == 0)
                {
                    continue;
                }

                counted++;
                var n = block * block;
                // n * variance * n = n * squares - sum^2, compared against contrast^2 * n * n without a division.
                if (((n * squares) - (sum * sum)) < limit * n)
                {
                    flat++;
                }
            }
        }

        return counted == 0 ? 0 : (double)flat / counted;
    }

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

    /// <summary>
    /// Gradient magnitude (|dx| + |dy|, central differences), smoothed by a 3×3 box (a pixel of jitter does not
    /// decorrelate it) and divided by its mean: an edge map that ignores the gain. <paramref name="scratch"/> is as
    /// long as the picture.
    /// </summary>
    public static void NormalizedEdges(ReadOnlySpan<byte> pixels, int width, int height, Span<float> edges, Span<float> scratch)
    {
        scratch.Clear();
        for (var y = 1; y < height - 1; y++)
        {
            var row = y * width;
            for (var x = 1; x < width - 1; x++)
            {
                var i = row + x;
                scratch[i] = Math.Abs(pixels[i + 1] - pixels[i - 1]) + Math.Abs(pixels[i + width] - pixels[i - width]);
            }
        }

        edges.Clear();
        double total = 0;
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = (y * width) + x;
                var e = scratch[i - width - 1] + scratch[i - width] + scratch[i - width + 1]
                    + scratch[i - 1] + scratch[i] + scratch[i + 1]
                    + scratch[i + width - 1] + scratch[i + width] + scratch[i + width + 1];
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

    /// <summary>Correlation of a rectangle [x0, x1) × [y0, y1) of two maps of the given width.</summary>
    public static double Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int width, int x0, int x1, int y0, int y1)
    {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                double u = a[(y * width) + x], v = b[(y * width) + x];
                sa += u;
                sb += v;
                saa += u * u;
                sbb += v * v;
                sab += u * v;
            }
        }

        var n = (double)(x1 - x0) * (y1 - y0);
        var cov = sab - (sa * sb / n);
        var va = saa - (sa * sa / n);
        var vb = sbb - (sb * sb / n);
        return va <= 1e-9 || vb <= 1e-9 ? 0 : cov / Math.Sqrt(va * vb);
    }
}
