namespace EdgeCredit.Agent.Meters.State;

/// <summary>
/// One-dimensional k-means (Lloyd) on sorted values: clusters are contiguous ranges of the sorted array, so each
/// step moves the boundaries to the midpoints between cluster means. Deterministic (initialised at quantiles).
/// </summary>
internal static class LevelClustering
{
    /// <summary>Splits <paramref name="sorted"/> (ascending) into <paramref name="k"/> ranges; returns the start index of each range plus the end.</summary>
    public static int[] Split(ReadOnlySpan<double> sorted, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sorted.Length, k);
        var centers = new double[k];
        for (var i = 0; i < k; i++)
        {
            // Quantiles spread over the data: 0.1 .. 0.9 for two clusters, 0.05, 0.5, 0.95 for three.
            var q = k == 1 ? 0.5 : (k == 2 ? 0.1 + (0.8 * i) : 0.05 + (0.9 * i / (k - 1)));
            centers[i] = sorted[(int)Math.Round(q * (sorted.Length - 1))];
        }

        var bounds = new int[k + 1];
        bounds[k] = sorted.Length;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var changed = false;
            for (var i = 1; i < k; i++)
            {
                var cut = LowerBound(sorted, (centers[i - 1] + centers[i]) / 2);
                cut = Math.Clamp(cut, bounds[i - 1] + 1, sorted.Length - (k - i));
                changed |= cut != bounds[i];
                bounds[i] = cut;
            }

            for (var i = 0; i < k; i++)
            {
                var range = sorted[bounds[i]..bounds[i + 1]];
                var sum = 0.0;
                foreach (var v in range)
                {
                    sum += v;
                }

                centers[i] = sum / range.Length;
            }

            if (!changed && iteration > 0)
            {
                break;
            }
        }

        return bounds;
    }

    /// <summary>The value at quantile <paramref name="q"/> of an ascending range.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];

    /// <summary>Standard deviation of a range.</summary>
    public static double Spread(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / values.Length);
    }

    private static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
