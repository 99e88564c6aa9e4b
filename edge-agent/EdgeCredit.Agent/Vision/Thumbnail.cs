namespace EdgeCredit.Agent.Vision;

/// <summary>
/// An area-averaged grey thumbnail <see cref="Width"/> (160) wide, the frame's aspect kept: the scale at which
/// sharpness, texture and the reference comparison are measured, so they do not depend on the analysis width.
/// One pass over the frame; buffers reused.
/// </summary>
internal sealed class Thumbnail
{
    public const int Width = 160;

    private readonly int _sourceWidth;
    private readonly int _sourceHeight;
    private readonly int[] _columnOf;
    private readonly int[] _rowOf;
    private readonly int[] _sums;
    private readonly int[] _counts;

    public Thumbnail(int sourceWidth, int sourceHeight)
    {
        _sourceWidth = sourceWidth;
        _sourceHeight = sourceHeight;
        var width = Math.Min(Width, sourceWidth);
        var height = Math.Max(1, (int)Math.Round((double)sourceHeight * width / sourceWidth));
        ThumbWidth = width;
        ThumbHeight = height;
        _columnOf = new int[sourceWidth];
        for (var x = 0; x < sourceWidth; x++)
        {
            _columnOf[x] = (int)((long)x * width / sourceWidth);
        }

        _rowOf = new int[sourceHeight];
        for (var y = 0; y < sourceHeight; y++)
        {
            _rowOf[y] = (int)((long)y * height / sourceHeight);
        }

        _sums = new int[width * height];
        _counts = new int[width * height];
        for (var y = 0; y < sourceHeight; y++)
        {
            for (var x = 0; x < sourceWidth; x++)
            {
                _counts[(_rowOf[y] * width) + _columnOf[x]]++;
            }
        }

        Pixels = new byte[width * height];
    }

    public int ThumbWidth { get; }

    public int ThumbHeight { get; }

    /// <summary>The thumbnail of the last frame given to <see cref="Update"/>.</summary>
    public byte[] Pixels { get; }

    public void Update(ReadOnlySpan<byte> frame)
    {
        Array.Clear(_sums);
        var width = ThumbWidth;
        for (var y = 0; y < _sourceHeight; y++)
        {
            var row = frame.Slice(y * _sourceWidth, _sourceWidth);
            var target = _rowOf[y] * width;
            for (var x = 0; x < row.Length; x++)
            {
                _sums[target + _columnOf[x]] += row[x];
            }
        }

        for (var i = 0; i < _sums.Length; i++)
        {
            Pixels[i] = (byte)((_sums[i] + (_counts[i] / 2)) / _counts[i]);
        }
    }
}
