using System.Numerics;
using System.Runtime.InteropServices;

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
    private readonly int _factor;

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
        var factor = sourceWidth / width;
        _factor = sourceWidth == factor * width && sourceHeight == factor * height ? factor : 0;
    }

    public int ThumbWidth { get; }

    public int ThumbHeight { get; }

    /// <summary>The thumbnail of the last frame given to <see cref="Update"/>.</summary>
    public byte[] Pixels { get; }

    public void Update(ReadOnlySpan<byte> frame)
    {
        if (_factor == 2 && Vector.IsHardwareAccelerated && BitConverter.IsLittleEndian) // pixel pairs read as little-endian ushorts
        {
            UpdateByTwo(frame);
            return;
        }

        if (_factor > 0)
        {
            UpdateByFactor(frame);
            return;
        }

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

    /// <summary>
    /// The common case (320 wide analysis frames): 2 × 2 means, vectorized. Each 16-bit lane of a row read as
    /// <c>ushort</c> holds two neighbouring pixels, so a pair sum is <c>(v &amp; 0xFF) + (v &gt;&gt; 8)</c>; the
    /// same rounding as <see cref="UpdateByFactor"/>.
    /// </summary>
    private void UpdateByTwo(ReadOnlySpan<byte> frame)
    {
        var lanes = Vector<ushort>.Count;
        var low = new Vector<ushort>(0xFF);
        var two = new Vector<ushort>(2);
        for (var ty = 0; ty < ThumbHeight; ty++)
        {
            var target = Pixels.AsSpan(ty * ThumbWidth, ThumbWidth);
            var top = MemoryMarshal.Cast<byte, ushort>(frame.Slice(2 * ty * _sourceWidth, _sourceWidth));
            var bottom = MemoryMarshal.Cast<byte, ushort>(frame.Slice(((2 * ty) + 1) * _sourceWidth, _sourceWidth));
            var tx = 0;
            for (; tx <= target.Length - (2 * lanes); tx += 2 * lanes)
            {
                var first = Means(new Vector<ushort>(top[tx..]), new Vector<ushort>(bottom[tx..]), low, two);
                var second = Means(new Vector<ushort>(top[(tx + lanes)..]), new Vector<ushort>(bottom[(tx + lanes)..]), low, two);
                Vector.Narrow(first, second).CopyTo(target[tx..]);
            }

            for (; tx < target.Length; tx++)
            {
                var sum = (top[tx] & 0xFF) + (top[tx] >> 8) + (bottom[tx] & 0xFF) + (bottom[tx] >> 8);
                target[tx] = (byte)((sum + 2) / 4);
            }
        }
    }

    private static Vector<ushort> Means(Vector<ushort> top, Vector<ushort> bottom, Vector<ushort> low, Vector<ushort> two) =>
        ((top & low) + Vector.ShiftRightLogical(top, 8) + (bottom & low) + Vector.ShiftRightLogical(bottom, 8) + two) >> 2;

    /// <summary>The common case of a whole-number ratio (320, 640, 1280 wide at 16:9): k × k blocks, no lookups.</summary>
    private void UpdateByFactor(ReadOnlySpan<byte> frame)
    {
        var k = _factor;
        var half = (k * k) / 2;
        var area = k * k;
        for (var ty = 0; ty < ThumbHeight; ty++)
        {
            var target = Pixels.AsSpan(ty * ThumbWidth, ThumbWidth);
            var sums = _sums.AsSpan(0, ThumbWidth);
            sums.Clear();
            for (var dy = 0; dy < k; dy++)
            {
                var row = frame.Slice(((ty * k) + dy) * _sourceWidth, _sourceWidth);
                for (int tx = 0, x = 0; tx < sums.Length; tx++)
                {
                    var sum = 0;
                    for (var dx = 0; dx < k; dx++, x++)
                    {
                        sum += row[x];
                    }

                    sums[tx] += sum;
                }
            }

            for (var tx = 0; tx < target.Length; tx++)
            {
                target[tx] = (byte)((sums[tx] + half) / area);
            }
        }
    }
}
