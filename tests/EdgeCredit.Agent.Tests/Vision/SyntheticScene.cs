namespace EdgeCredit.Agent.Tests.Vision;

/// <summary>
/// A rendered factory view with known ground truth: a textured background, a machine whose striped part slides while
/// it runs, an optional person walking across, global gain (steps, flicker), Gaussian sensor noise, and tamper modes
/// applied from a given time. Deterministic for a seed.
/// </summary>
internal sealed class SyntheticScene
{
    public const string MachinePolygon = "0.35,0.30 0.65,0.30 0.65,0.80 0.35,0.80";

    private readonly byte[] _background;
    private readonly sbyte[] _noise = new sbyte[1 << 20];
    private readonly Random _random;
    private readonly float[] _scratch;

    public SyntheticScene(int width = 320, int height = 180, int seed = 1)
    {
        Width = width;
        Height = height;
        _random = new Random(seed);
        _background = new byte[width * height];
        _scratch = new float[width * height];
        var blocks = new Random(seed + 1000);
        var block = Math.Max(2, width / 40);
        var values = new byte[((width / block) + 1) * ((height / block) + 1)];
        blocks.NextBytes(values);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = values[((y / block) * ((width / block) + 1)) + (x / block)];
                _background[(y * width) + x] = (byte)(60 + (v % 120) + (x * 20 / width));
            }
        }

        for (var i = 0; i < _noise.Length; i++)
        {
            var u1 = 1.0 - _random.NextDouble();
            var u2 = _random.NextDouble();
            _noise[i] = (sbyte)Math.Clamp(Math.Round(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2) * 16), -127, 127);
        }
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Machine running at time t (seconds).</summary>
    public Func<double, bool> Running { get; set; } = _ => false;

    /// <summary>Global gain at time t (1 = as rendered).</summary>
    public Func<double, double> Gain { get; set; } = _ => 1;

    /// <summary>Walker's left edge x (pixels) at time t, or null when nobody walks.</summary>
    public Func<double, double?> Walker { get; set; } = _ => null;

    /// <summary>The walker works with the arms at time t (a patch beside the torso that swings every frame).</summary>
    public Func<double, bool> Arms { get; set; } = _ => false;

    /// <summary>Sensor noise sigma in grey levels.</summary>
    public double NoiseSigma { get; set; } = 3;

    /// <summary>Whole-view shift in pixels at time t (camera moved).</summary>
    public Func<double, int> Shift { get; set; } = _ => 0;

    /// <summary>Box blur radius at time t (defocus), 0 = sharp.</summary>
    public Func<double, int> Blur { get; set; } = _ => 0;

    /// <summary>Lens covered at time t: a nearly uniform view.</summary>
    public Func<double, bool> Covered { get; set; } = _ => false;

    /// <summary>Share of the view (columns from the left) a cover sliding over the lens hides at time t, 0..1.</summary>
    public Func<double, double> CoverShare { get; set; } = _ => 0;

    public void Render(double t, Span<byte> pixels)
    {
        var w = Width;
        var h = Height;
        var running = Running(t);
        var phase = running ? (int)(t * 5 * 3) : 0;
        var shift = Shift(t);
        var partX0 = (int)(0.40 * w);
        var partX1 = (int)(0.60 * w);
        var partY0 = (int)(0.40 * h);
        var partY1 = (int)(0.70 * h);
        var walker = Walker(t);
        var walkerW = w / 16;
        var walkerY0 = (int)(0.20 * h);
        var walkerY1 = (int)(0.95 * h);
        var arms = Arms(t);
        var armY0 = (int)((((int)Math.Round(t * 5) % 2) == 0 ? 0.40 : 0.50) * h);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var sx = Math.Clamp(x + shift, 0, w - 1);
                float v = _background[(y * w) + sx];
                if (sx >= partX0 && sx < partX1 && y >= partY0 && y < partY1)
                {
                    v = ((sx + phase) / 6 % 2) == 0 ? 40 : 200;
                }

                if (walker is { } wx && x >= wx && x < wx + walkerW && y >= walkerY0 && y < walkerY1)
                {
                    v = 90 + ((y / 6 % 2) * 30);
                }

                // Working arms: a forearm beside the torso, up on even frames and down on odd ones.
                if (arms && walker is { } ax && x >= ax + walkerW && x < ax + walkerW + (w / 40)
                    && y >= armY0 && y < armY0 + (h / 12))
                {
                    v = 150;
                }

                _scratch[(y * w) + x] = v;
            }
        }

        var blur = Blur(t);
        if (blur > 0)
        {
            BoxBlur(blur);
        }

        var covered = Covered(t);
        var coverX = covered ? w : (int)(Math.Clamp(CoverShare(t), 0, 1) * w);
        var gain = Gain(t);
        var offset = _random.Next(_noise.Length);
        var noiseScale = NoiseSigma / 16;
        for (var i = 0; i < pixels.Length; i++)
        {
            var v = i % w < coverX ? 120 + (i % w * 6.0 / w) : _scratch[i] * gain;
            v += _noise[(offset + (i * 7)) & (_noise.Length - 1)] * noiseScale;
            pixels[i] = (byte)Math.Clamp(Math.Round(v), 0, 255);
        }
    }

    private void BoxBlur(int radius)
    {
        var w = Width;
        var h = Height;
        var copy = (float[])_scratch.Clone();
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                float sum = 0;
                var n = 0;
                for (var dy = -radius; dy <= radius; dy++)
                {
                    for (var dx = -radius; dx <= radius; dx++)
                    {
                        var yy = Math.Clamp(y + dy, 0, h - 1);
                        var xx = Math.Clamp(x + dx, 0, w - 1);
                        sum += copy[(yy * w) + xx];
                        n++;
                    }
                }

                _scratch[(y * w) + x] = sum / n;
            }
        }
    }
}
