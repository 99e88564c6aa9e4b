using System.Numerics;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Finds a replayed sequence. Each frame gets a signature of 16 × 9 block means (1/16 grey level precision) taken
/// from the thumbnail; a ring keeps <see cref="VisionOptions.LoopHistory"/> of them. For every lag from
/// <see cref="VisionOptions.LoopMinPeriod"/> to the ring length, the mean absolute difference between the new signature
/// and the one that many frames back is smoothed over about two seconds. A live camera never repeats its own sensor
/// noise, so no lag can come closer than the noise allows (about 0.8 σ/√n for a block of n pixels); a recording played
/// in a loop repeats it exactly. Evidence: the best lag is below <see cref="VisionOptions.LoopMatchRatio"/> × that
/// expected noise distance (at least 0.05 grey levels) and stands out from the lags' mean by 3×. A periodic machine
/// does not qualify: its static background still differs by the noise.
/// </summary>
internal sealed class LoopDetector
{
    public const int SignatureColumns = 16;
    public const int SignatureRows = 9;
    private const int Cells = SignatureColumns * SignatureRows;
    private const double MinNoiseDistance = 0.05;
    private const double Smoothing = 0.2;
    private const int MinSamples = 8;

    private readonly short[] _ring;
    private readonly float[] _distance;
    private readonly int[] _samples;
    private readonly int[] _blockOf;
    private readonly int[] _sums = new int[Cells];
    private readonly int[] _counts = new int[Cells];
    private readonly double _blockPixels;
    private readonly int _capacity;
    private readonly int _minLag;
    private readonly double _matchRatio;
    private long _frames;
    private readonly double _framesPerSecond;
    private double _limit;

    public LoopDetector(Thumbnail thumbnail, int frameWidth, int frameHeight, double framesPerSecond, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(thumbnail);
        ArgumentNullException.ThrowIfNull(options);
        _framesPerSecond = framesPerSecond;
        _capacity = Math.Max(4, (int)Math.Ceiling(options.LoopHistory.TotalSeconds * framesPerSecond));
        _minLag = Math.Clamp((int)Math.Round(options.LoopMinPeriod.TotalSeconds * framesPerSecond), 1, _capacity - 1);
        _matchRatio = options.LoopMatchRatio;
        _ring = new short[_capacity * Cells];
        _distance = new float[_capacity];
        _samples = new int[_capacity];
        var w = thumbnail.ThumbWidth;
        var h = thumbnail.ThumbHeight;
        _blockOf = new int[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var cell = (y * SignatureRows / h * SignatureColumns) + (x * SignatureColumns / w);
                _blockOf[(y * w) + x] = cell;
                _counts[cell]++;
            }
        }

        _blockPixels = (double)frameWidth * frameHeight / Cells;
    }

    /// <summary>Best (smallest) smoothed distance of the last frame, grey levels, and its lag in frames (0: none yet).</summary>
    public (double Distance, int Lag) Best { get; private set; }

    /// <summary>
    /// Adds a frame's thumbnail; returns the loop evidence 0..1 (0: none). <paramref name="noiseSigma"/> is the sigma of
    /// the frame difference from the motion pass.
    /// </summary>
    public double Add(ReadOnlySpan<byte> thumbnail, double noiseSigma)
    {
        Array.Clear(_sums);
        for (var i = 0; i < thumbnail.Length; i++)
        {
            _sums[_blockOf[i]] += thumbnail[i];
        }

        var slot = (int)(_frames % _capacity);
        var signature = _ring.AsSpan(slot * Cells, Cells);
        for (var c = 0; c < Cells; c++)
        {
            signature[c] = (short)(((_sums[c] * 16) + (_counts[c] / 2)) / _counts[c]);
        }

        _frames++;
        var maxLag = (int)Math.Min(_capacity - 1, _frames - 1);
        double best = double.MaxValue, total = 0;
        int bestLag = 0, valid = 0;
        for (var lag = _minLag; lag <= maxLag; lag++)
        {
            var other = (int)((_frames - 1 - lag) % _capacity);
            var d = (float)(Sad(signature, _ring.AsSpan(other * Cells, Cells)) / 16.0 / Cells);
            _distance[lag] = _samples[lag] == 0 ? d : _distance[lag] + (float)(Smoothing * (d - _distance[lag]));
            if (++_samples[lag] < MinSamples)
            {
                continue;
            }

            valid++;
            total += _distance[lag];
            if (_distance[lag] < best)
            {
                best = _distance[lag];
                bestLag = lag;
            }
        }

        if (valid < 2)
        {
            Best = (0, 0);
            return 0;
        }

        Best = (best, bestLag);
        var expected = Math.Max(MinNoiseDistance, 0.8 * noiseSigma / Math.Sqrt(_blockPixels));
        var limit = _matchRatio * expected;
        _limit = limit;
        var mean = total / valid;
        if (best > limit || mean < 3 * best || mean < MinNoiseDistance)
        {
            return 0;
        }

        return Math.Clamp(1 - (best / limit), 0.5, 1);
    }

    /// <summary>
    /// The repeat behind the loop its best lag shows (call when <see cref="Add"/> returned evidence). The loop's own
    /// period may be a fraction of that lag (the shortest lag looked for is <see cref="VisionOptions.LoopMinPeriod"/>, and
    /// a 4-s loop shows best at 8 s): the shortest whole fraction, at least a second, at which every frame of the last lag
    /// matches is taken. The run of frames that each match the frame a period back (within the match limit) is traced
    /// back to its first frame. Returns how long before the last frame it began, how closely it copies, 0.5..1 (1: the
    /// signatures are equal), like the evidence but on the raw distances, which the smoothing has not caught up with
    /// (it settles about 4-5 s after the repeat begins on a busy scene), and the period. Frames before the run may have
    /// been a replay too: the first pass of a recording, re-encoded, matches what it copies only roughly.
    /// </summary>
    public (TimeSpan Ago, double Match, TimeSpan Period) TraceRepeat()
    {
        var lag = Best.Lag;
        var newest = _frames - 1;
        var oldest = Math.Max(0, _frames - _capacity);
        if (lag <= 0)
        {
            return (TimeSpan.Zero, 0.5, TimeSpan.Zero);
        }

        lag = Fundamental(lag, newest, oldest);

        var r = newest;
        var sum = Distance(newest, newest - lag);
        while (r - lag - 1 >= oldest && Distance(r - 1, r - 1 - lag) is var d && d <= _limit)
        {
            sum += d;
            r--;
        }

        var match = Math.Clamp(1 - (sum / (newest - r + 1) / _limit), 0.5, 1);
        return (TimeSpan.FromSeconds((newest - r) / _framesPerSecond), match, TimeSpan.FromSeconds(lag / _framesPerSecond));
    }

    /// <summary>The shortest whole fraction of <paramref name="lag"/>, a second or more, that every frame of the last lag repeats at.</summary>
    private int Fundamental(int lag, long newest, long oldest)
    {
        var second = Math.Max(1, (int)Math.Round(_framesPerSecond));
        for (var parts = lag / second; parts >= 2; parts--)
        {
            if (lag % parts != 0)
            {
                continue;
            }

            var period = lag / parts;
            var repeats = true;
            for (var f = newest; f > newest - lag && repeats; f--)
            {
                repeats = f - period >= oldest && Distance(f, f - period) <= _limit;
            }

            if (repeats)
            {
                return period;
            }
        }

        return lag;
    }

    private double Distance(long a, long b) =>
        Sad(_ring.AsSpan((int)(a % _capacity) * Cells, Cells), _ring.AsSpan((int)(b % _capacity) * Cells, Cells)) / 16.0 / Cells;

    private static int Sad(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        var sum = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<short>.Count)
        {
            var acc = Vector<int>.Zero;
            for (; i <= a.Length - Vector<short>.Count; i += Vector<short>.Count)
            {
                var d = Vector.Abs(new Vector<short>(a[i..]) - new Vector<short>(b[i..]));
                Vector.Widen(d, out var low, out var high);
                acc += low + high;
            }

            sum = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum;
    }
}
