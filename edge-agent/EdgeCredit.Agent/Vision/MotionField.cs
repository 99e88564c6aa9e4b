using System.Numerics;
using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// The per-camera motion pass, on the analysis frame in place: blanks the privacy masks, measures brightness and
/// contrast, normalizes the global gain against the previous frame (a lookup table scaling the current frame to the
/// previous frame's mean: lighting steps and flicker cancel), and marks pixels whose normalized difference exceeds
/// <see cref="VisionOptions.NoiseFactor"/> × the sensor-noise sigma (1.4826 × the median absolute difference, a robust
/// estimate while fewer than half the pixels move, from every 4th pixel of every 2nd row; floor <see cref="VisionOptions.MinPixelDifference"/>), counting them
/// per <see cref="CellGrid"/> cell. Two passes over the pixels, both vectorized, no allocation per frame.
/// </summary>
internal sealed class MotionField
{
    private readonly VisionOptions _options;
    private readonly byte[]? _privacy;
    private readonly int _validCount;
    private readonly byte[] _previous;
    private readonly byte[] _lut = new byte[256];
    private readonly int[] _histogram = new int[256];
    private readonly byte[] _movedRow;
    private readonly byte[] _movedColumns;
    private readonly int _sampledMasked;
    private readonly int _sampledValid;
    private double _previousMean;
    private float _gain = 1;
    private double _noiseSigma = -1;
    private bool _hasPrevious;

    public MotionField(int width, int height, IReadOnlyList<NormalizedPolygon> privacyMasks, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(privacyMasks);
        _options = options;
        Grid = new CellGrid(width, height);
        CellCounts = new int[Grid.Count];
        _previous = new byte[width * height];
        _movedRow = new byte[width];
        _movedColumns = new byte[width];
        _validCount = width * height;
        if (privacyMasks.Count > 0)
        {
            _privacy = new byte[width * height];
            foreach (var mask in privacyMasks)
            {
                PolygonRaster.Fill(_privacy, mask, width, height);
            }

            _validCount = Math.Max(1, _validCount - _privacy.Sum(b => (int)b));
        }

        for (var y = 0; y < height; y += 2)
        {
            for (var x = 0; x < width; x += 4)
            {
                if (_privacy is not null && _privacy[(y * width) + x] != 0)
                {
                    _sampledMasked++;
                }
                else
                {
                    _sampledValid++;
                }
            }
        }

        _sampledValid = Math.Max(1, _sampledValid);
    }

    public CellGrid Grid { get; }

    /// <summary>Moving pixels per cell in the last frame.</summary>
    public int[] CellCounts { get; }

    /// <summary>The per-pixel threshold used on the last frame, grey levels.</summary>
    public int Threshold { get; private set; }

    public FrameMeasures Process(Span<byte> pixels)
    {
        var n = Grid.Width * Grid.Height;
        if (pixels.Length != n)
        {
            throw new ArgumentException($"Frame has {pixels.Length} pixels, expected {Grid.Width}x{Grid.Height}.", nameof(pixels));
        }

        if (_privacy is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (_privacy[i] != 0)
                {
                    pixels[i] = 0;
                }
            }
        }

        var (sum, sumSq) = Sums(pixels);

        var mean = (double)sum / _validCount;
        var contrast = Math.Sqrt(Math.Max(0, ((double)sumSq / _validCount) - (mean * mean)));
        Array.Clear(CellCounts);
        if (!_hasPrevious)
        {
            pixels.CopyTo(_previous);
            _previousMean = mean;
            _hasPrevious = true;
            return new FrameMeasures(mean, contrast, 0, 0, 0, false, true);
        }

        _gain = (float)(mean < 1 || _previousMean < 1 ? 1 : Math.Clamp(_previousMean / mean, 0.25, 4));
        for (var v = 0; v < 256; v++)
        {
            _lut[v] = (byte)Math.Min(255, (int)((v * _gain) + 0.5f));
        }

        Threshold = (int)Math.Max(_options.MinPixelDifference, Math.Ceiling(_options.NoiseFactor * Math.Max(0, _noiseSigma)));
        var (moving, identical) = Difference(pixels);
        var masked = n - _validCount;
        identical -= masked;
        _histogram[0] -= _sampledMasked;
        var sigma = 1.4826 * Median(_sampledValid);
        _noiseSigma = _noiseSigma < 0 ? sigma : (0.9 * _noiseSigma) + (0.1 * sigma);
        pixels.CopyTo(_previous);
        _previousMean = mean;
        var movingShare = (double)moving / _validCount;
        return new FrameMeasures(mean, contrast, _noiseSigma, movingShare, (double)identical / _validCount, movingShare > _options.GlobalChangeShare, false);
    }

    private (int Moving, int Identical) Difference(Span<byte> pixels)
    {
        Array.Clear(_histogram);
        var width = Grid.Width;
        var cellSize = Grid.CellSize;
        var columns = Grid.Columns;
        var lut = _lut;
        var histogram = _histogram;
        var counts = CellCounts;
        var moved = _movedRow;
        var stack = _movedColumns; // all zero between frames: cleared after every row of cells, the last included
        var threshold = Threshold;
        int moving = 0, identical = 0;
        for (var y = 0; y < Grid.Height; y++)
        {
            var row = y * width;
            var current = pixels.Slice(row, width);
            var before = _previous.AsSpan(row, width);
            var x = Vector.IsHardwareAccelerated ? DifferenceVectors(current, before, moved, threshold, ref identical) : 0;
            for (; x < current.Length; x++)
            {
                int c = current[x];
                int b = before[x];
                // Branch-free: noise makes the sign of a difference a coin toss, which a branch would mispredict.
                var t = lut[c] - b;
                var sign = t >> 31;
                var d = (t ^ sign) - sign;
                identical += ((c ^ b) - 1) >>> 31;
                moved[x] = (byte)((threshold - d) >>> 31);
            }

            // The noise histogram needs far fewer pixels than the motion: every 4th pixel of every 2nd row.
            if ((y & 1) == 0)
            {
                for (x = 0; x < current.Length; x += 4)
                {
                    var t = lut[current[x]] - before[x];
                    var sign = t >> 31;
                    histogram[(t ^ sign) - sign]++;
                }
            }

            // Moving pixels add up per column over a row of cells (at most 255 rows: a byte cannot overflow), and
            // into the cells once at the row of cells' last pixel row.
            Add(stack, moved);
            if (y % cellSize == cellSize - 1 || y == Grid.Height - 1)
            {
                var cellRow = (y / cellSize) * columns;
                x = 0;
                for (var cx = 0; cx < columns; cx++)
                {
                    var sum = 0;
                    for (var end = Math.Min(width, x + cellSize); x < end; x++)
                    {
                        sum += stack[x];
                    }

                    counts[cellRow + cx] = sum;
                    moving += sum;
                }

                Array.Clear(stack);
            }
        }

        return (moving, identical);
    }

    /// <summary>
    /// The whole vectors of one row of <see cref="Difference"/>: the gain as <c>(int)(v × gain + 0.5)</c> in single
    /// precision (the same arithmetic that fills the lookup table, so the scalar tail and the noise histogram agree with
    /// it), capped at 255, then |difference| &gt; threshold per pixel. Returns where the scalar tail starts.
    /// </summary>
    private int DifferenceVectors(ReadOnlySpan<byte> current, ReadOnlySpan<byte> before, Span<byte> moved, int threshold, ref int identical)
    {
        var count = Vector<byte>.Count;
        var gain = new Vector<float>(_gain);
        var half = new Vector<float>(0.5f);
        var cap = new Vector<ushort>(255);
        var limit = new Vector<ushort>((ushort)threshold);
        var same = Vector<byte>.Zero;
        var x = 0;
        for (; x <= current.Length - count; x += count)
        {
            var c = new Vector<byte>(current[x..]);
            var b = new Vector<byte>(before[x..]);
            same -= Vector.Equals(c, b); // +1 per equal byte; a row of at most 255 vectors cannot overflow a lane
            Vector.Widen(c, out var c0, out var c1);
            Vector.Widen(b, out var b0, out var b1);
            var s0 = Vector.Min(Scale(c0, gain, half), cap);
            var s1 = Vector.Min(Scale(c1, gain, half), cap);
            var m0 = Vector.GreaterThan(Vector.Max(s0, b0) - Vector.Min(s0, b0), limit);
            var m1 = Vector.GreaterThan(Vector.Max(s1, b1) - Vector.Min(s1, b1), limit);
            (Vector.Narrow(m0, m1) & Vector<byte>.One).CopyTo(moved[x..]);
        }

        Vector.Widen(same, out var low, out var high);
        identical += Vector.Sum(low + high);
        return x;
    }

    private static void Add(Span<byte> sums, ReadOnlySpan<byte> values)
    {
        var x = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; x <= values.Length - Vector<byte>.Count; x += Vector<byte>.Count)
            {
                (new Vector<byte>(sums[x..]) + new Vector<byte>(values[x..])).CopyTo(sums[x..]);
            }
        }

        for (; x < values.Length; x++)
        {
            sums[x] += values[x];
        }
    }

    private static Vector<ushort> Scale(Vector<ushort> values, Vector<float> gain, Vector<float> half)
    {
        Vector.Widen(values, out var low, out var high);
        var l = Vector.ConvertToInt32((Vector.ConvertToSingle(Vector.AsVectorInt32(low)) * gain) + half);
        var h = Vector.ConvertToInt32((Vector.ConvertToSingle(Vector.AsVectorInt32(high)) * gain) + half);
        return Vector.AsVectorUInt16(Vector.Narrow(l, h));
    }

    /// <summary>Sum and sum of squares of the pixels (vectorized: squares of bytes fit in 16 bits).</summary>
    private static (long Sum, long SumSq) Sums(ReadOnlySpan<byte> pixels)
    {
        long sum = 0, sumSq = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var count = Vector<byte>.Count;
            while (i <= pixels.Length - count)
            {
                // Blocks of at most 256 vectors keep the 32-bit lanes from overflowing.
                var sums = Vector<uint>.Zero;
                var squares = Vector<uint>.Zero;
                for (var k = 0; k < 256 && i <= pixels.Length - count; k++, i += count)
                {
                    Vector.Widen(new Vector<byte>(pixels[i..]), out var low, out var high);
                    Vector.Widen(low + high, out var a, out var b);
                    sums += a + b;
                    Vector.Widen(low * low, out var l1, out var l2);
                    Vector.Widen(high * high, out var h1, out var h2);
                    squares += l1 + l2 + h1 + h2;
                }

                sum += Vector.Sum(sums);
                sumSq += Vector.Sum(squares);
            }
        }

        for (; i < pixels.Length; i++)
        {
            sum += pixels[i];
            sumSq += pixels[i] * pixels[i];
        }

        return (sum, sumSq);
    }

    /// <summary>Median of the absolute differences, interpolated inside the histogram bin.</summary>
    private double Median(int total)
    {
        var half = total / 2.0;
        var cumulative = 0;
        for (var d = 0; d < 256; d++)
        {
            var next = cumulative + _histogram[d];
            if (next >= half && _histogram[d] > 0)
            {
                return Math.Max(0, d - 0.5 + ((half - cumulative) / _histogram[d]));
            }

            cumulative = next;
        }

        return 255;
    }
}
