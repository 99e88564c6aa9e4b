namespace EdgeCredit.Agent.Inference;

/// <summary>
/// Writes a grey picture (or a crop of it) into one NCHW input slot as the manifest says: letterbox or stretch with
/// bilinear sampling, pad value, and <c>(v × scale − mean[c]) / std[c]</c> per channel (a 3-channel model gets the grey
/// value in each channel). The resized grey picture is built first, then a lookup table per channel normalises it
/// (one load per value). Not thread-safe: one writer per calling thread.
/// </summary>
internal sealed class InputWriter
{
    private readonly ModelInput _input;
    private readonly float[][] _table;
    private readonly int _channels;
    private readonly byte[] _grey;

    public InputWriter(ModelInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Width < 1 || input.Height < 1)
        {
            throw new ArgumentException($"input '{input.Name}' has dynamic sides; this writer needs a fixed height and width", nameof(input));
        }

        _input = input;
        _channels = input.Channels;
        _grey = new byte[input.Width * input.Height];
        _table = new float[_channels][];
        for (var c = 0; c < _channels; c++)
        {
            var mean = input.Mean.Count == 1 ? input.Mean[0] : input.Mean[c];
            var std = input.Std.Count == 1 ? input.Std[0] : input.Std[c];
            _table[c] = new float[256];
            for (var v = 0; v < 256; v++)
            {
                _table[c][v] = (float)(((v * input.Scale) - mean) / std);
            }
        }
    }

    /// <summary>Floats of one image slot (C × H × W).</summary>
    public int SlotLength => _channels * _input.Height * _input.Width;

    /// <summary>
    /// Writes <paramref name="crop"/> of the grey frame (<paramref name="frameWidth"/> bytes per row) into
    /// <paramref name="slot"/>; returns how the crop was placed, to map outputs back to frame pixels.
    /// </summary>
    public Letterbox Write(ReadOnlySpan<byte> frame, int frameWidth, PixelRect crop, Span<float> slot)
    {
        if (slot.Length < SlotLength)
        {
            throw new ArgumentException($"the slot holds {slot.Length} floats, the input needs {SlotLength}", nameof(slot));
        }

        var (w, h) = (_input.Width, _input.Height);
        var box = Letterbox.For(_input.Resize, crop.Width, crop.Height, w, h, crop.X, crop.Y);
        var plane = w * h;
        var grey = _grey.AsSpan();
        var pad = (byte)Math.Clamp(_input.PadValue, 0, 255);
        var x0 = (int)Math.Ceiling(box.PadX - 1e-9);
        var x1 = (int)Math.Floor(box.PadX + (crop.Width * box.ScaleX) + 1e-9);
        var y0 = (int)Math.Ceiling(box.PadY - 1e-9);
        var y1 = (int)Math.Floor(box.PadY + (crop.Height * box.ScaleY) + 1e-9);
        var maxX = crop.Width - 1;
        var maxY = crop.Height - 1;
        for (var y = 0; y < h; y++)
        {
            var row = grey.Slice(y * w, w);
            if (y < y0 || y >= y1)
            {
                row.Fill(pad);
                continue;
            }

            var sy = Math.Clamp(((y + 0.5 - box.PadY) / box.ScaleY) - 0.5, 0, maxY);
            var ya = (int)sy;
            var yb = Math.Min(ya + 1, maxY);
            var fy = sy - ya;
            var rowA = frame.Slice(((crop.Y + ya) * frameWidth) + crop.X, crop.Width);
            var rowB = frame.Slice(((crop.Y + yb) * frameWidth) + crop.X, crop.Width);
            for (var x = 0; x < w; x++)
            {
                if (x < x0 || x >= x1)
                {
                    row[x] = pad;
                    continue;
                }

                var sx = Math.Clamp(((x + 0.5 - box.PadX) / box.ScaleX) - 0.5, 0, maxX);
                var xa = (int)sx;
                var xb = Math.Min(xa + 1, maxX);
                var fx = sx - xa;
                var top = rowA[xa] + ((rowA[xb] - rowA[xa]) * fx);
                var bottom = rowB[xa] + ((rowB[xb] - rowB[xa]) * fx);
                row[x] = (byte)(top + ((bottom - top) * fy) + 0.5);
            }
        }

        for (var c = 0; c < _channels; c++)
        {
            var table = _table[c];
            var target = slot.Slice(c * plane, plane);
            for (var i = 0; i < plane; i++)
            {
                target[i] = table[grey[i]];
            }
        }

        return box;
    }
}
