using System.Text.Json;
using BigGustave;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// The scene as commissioned: a grey thumbnail (<see cref="Thumbnail.Width"/> wide) with its normalized sharpness and
/// mean luminance. The camera is "moved" when its edge map no longer matches this one's, "defocused" when its
/// sharpness falls far below this one's. Saved as <c>{camera}.reference.png</c> (the thumbnail, viewable) plus
/// <c>{camera}.reference.json</c> (the measures).
/// </summary>
internal sealed class SceneReference
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public SceneReference(int width, int height, byte[] pixels, double sharpness, double mean, DateTimeOffset capturedAt)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != width * height)
        {
            throw new ArgumentException($"A {width}x{height} reference needs {width * height} pixels, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
        Sharpness = sharpness;
        Mean = mean;
        CapturedAt = capturedAt;
        Edges = new float[pixels.Length];
        ImageMeasures.NormalizedEdges(pixels, width, height, Edges, new float[pixels.Length]);
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    /// <summary>Normalized sharpness (see <see cref="ImageMeasures.NormalizedSharpness"/>).</summary>
    public double Sharpness { get; }

    public double Mean { get; }

    public DateTimeOffset CapturedAt { get; }

    /// <summary>Normalized edge map of the thumbnail.</summary>
    public float[] Edges { get; }

    /// <summary>A reference from a grey frame (for example the commissioning snapshot), privacy masks already blanked.</summary>
    public static SceneReference FromFrame(ReadOnlySpan<byte> frame, int width, int height, DateTimeOffset at)
    {
        var thumbnail = new Thumbnail(width, height);
        thumbnail.Update(frame);
        return FromThumbnail(thumbnail, at);
    }

    public static SceneReference FromThumbnail(Thumbnail thumbnail, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(thumbnail);
        var pixels = thumbnail.Pixels.ToArray();
        var mean = pixels.Average(p => (double)p);
        var sharpness = ImageMeasures.NormalizedSharpness(pixels, thumbnail.ThumbWidth, thumbnail.ThumbHeight);
        return new SceneReference(thumbnail.ThumbWidth, thumbnail.ThumbHeight, pixels, sharpness, mean, at);
    }

    public static string PngPath(string directory, string camera) => Path.Combine(directory, camera + ".reference.png");

    public static string JsonPath(string directory, string camera) => Path.Combine(directory, camera + ".reference.json");

    public void Save(string directory, string camera)
    {
        Directory.CreateDirectory(directory);
        // BigGustave (managed) rather than OpenCV: a camera that stays put then never loads OpenCV's native library,
        // about 17 MiB of the agent's resident memory. It writes grey as RGB, which any viewer shows the same.
        var builder = PngBuilder.Create(Width, Height, false);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var v = Pixels[(y * Width) + x];
                builder.SetPixel(v, v, v, x, y);
            }
        }

        using (var file = File.Create(PngPath(directory, camera)))
        {
            builder.Save(file);
        }

        var meta = new ReferenceFile(Width, Height, Sharpness, Mean, CapturedAt);
        File.WriteAllText(JsonPath(directory, camera), JsonSerializer.Serialize(meta, Json));
    }

    /// <summary>The saved reference of a camera, or null when there is none.</summary>
    public static SceneReference? Load(string directory, string camera)
    {
        var json = JsonPath(directory, camera);
        var png = PngPath(directory, camera);
        if (!File.Exists(json) || !File.Exists(png))
        {
            return null;
        }

        var meta = JsonSerializer.Deserialize<ReferenceFile>(File.ReadAllText(json))
            ?? throw new InvalidDataException($"{json} is empty.");
        Png image;
        try
        {
            using var file = File.OpenRead(png);
            image = Png.Open(file);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or InvalidDataException or EndOfStreamException or NotSupportedException or IndexOutOfRangeException)
        {
            throw new InvalidDataException($"{png} is not a PNG image ({ex.Message}); delete it and {json} to capture the reference again.", ex);
        }

        if (image.Width != meta.Width || image.Height != meta.Height)
        {
            throw new InvalidDataException($"{png} is not a {meta.Width}x{meta.Height} grey image as {json} says.");
        }

        var pixels = new byte[meta.Width * meta.Height];
        for (var y = 0; y < meta.Height; y++)
        {
            for (var x = 0; x < meta.Width; x++)
            {
                var p = image.GetPixel(x, y);
                pixels[(y * meta.Width) + x] = (byte)(((p.R * 299) + (p.G * 587) + (p.B * 114) + 500) / 1000);
            }
        }

        return new SceneReference(meta.Width, meta.Height, pixels, meta.Sharpness, meta.Mean, meta.CapturedAt);
    }

    private sealed record ReferenceFile(int Width, int Height, double Sharpness, double Mean, DateTimeOffset CapturedAt);
}
