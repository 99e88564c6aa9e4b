using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class SceneReferenceTests
{
    [Fact]
    public void SaveLoad_RoundTrip_SamePixelsAndMeasures()
    {
        using var directory = new TempDirectory();
        var scene = new SyntheticScene();
        var frame = new byte[scene.Width * scene.Height];
        scene.Render(0, frame);
        var reference = SceneReference.FromFrame(frame, scene.Width, scene.Height, VisionRun.Epoch);

        reference.Save(directory.Path, "cam-1");
        var loaded = SceneReference.Load(directory.Path, "cam-1");

        Assert.NotNull(loaded);
        Assert.Equal((160, 90), (loaded.Width, loaded.Height));
        Assert.Equal(reference.Pixels, loaded.Pixels);
        Assert.Equal(reference.Sharpness, loaded.Sharpness);
        Assert.Equal(reference.CapturedAt, loaded.CapturedAt);
        Assert.True(File.Exists(SceneReference.PngPath(directory.Path, "cam-1")));
    }

    [Fact]
    public void Load_NoFiles_Null()
    {
        using var directory = new TempDirectory();

        Assert.Null(SceneReference.Load(directory.Path, "cam-9"));
    }

    [Fact]
    public void Load_PngOfAnotherSize_InvalidData()
    {
        using var directory = new TempDirectory();
        var small = new SceneReference(4, 3, new byte[12], 1, 1, VisionRun.Epoch);
        small.Save(directory.Path, "cam-1");
        File.WriteAllText(SceneReference.JsonPath(directory.Path, "cam-1"), File.ReadAllText(SceneReference.JsonPath(directory.Path, "cam-1")).Replace("\"Width\": 4", "\"Width\": 5", StringComparison.Ordinal));

        Assert.Throws<InvalidDataException>(() => SceneReference.Load(directory.Path, "cam-1"));
    }

    [Fact]
    public void Save_Png_OpenCvReadsTheSamePixels()
    {
        using var directory = new TempDirectory();
        var pixels = Enumerable.Range(0, 160 * 90).Select(i => (byte)((i * 7) % 256)).ToArray();
        new SceneReference(160, 90, pixels, 1, 1, VisionRun.Epoch).Save(directory.Path, "cam-1");

        using var read = OpenCvSharp.Cv2.ImRead(SceneReference.PngPath(directory.Path, "cam-1"), OpenCvSharp.ImreadModes.Grayscale);

        Assert.Equal((160, 90), (read.Width, read.Height));
        Assert.True(read.GetArray(out byte[] back));
        Assert.Equal(pixels, back);
    }

    [Fact]
    public void Load_GreyPngWrittenByOpenCv_SamePixels()
    {
        // References saved before the agent wrote them with BigGustave are 8-bit grey PNGs from OpenCV.
        using var directory = new TempDirectory();
        var pixels = Enumerable.Range(0, 160 * 90).Select(i => (byte)((i * 13) % 256)).ToArray();
        new SceneReference(160, 90, pixels, 2, 3, VisionRun.Epoch).Save(directory.Path, "cam-1");
        using (var mat = OpenCvSharp.Mat.FromPixelData(90, 160, OpenCvSharp.MatType.CV_8UC1, pixels))
        {
            Assert.True(OpenCvSharp.Cv2.ImWrite(SceneReference.PngPath(directory.Path, "cam-1"), mat));
        }

        var loaded = SceneReference.Load(directory.Path, "cam-1");

        Assert.NotNull(loaded);
        Assert.Equal(pixels, loaded.Pixels);
    }

    [Fact]
    public void Load_NotAPng_InvalidDataNamingTheFile()
    {
        using var directory = new TempDirectory();
        new SceneReference(4, 3, new byte[12], 1, 1, VisionRun.Epoch).Save(directory.Path, "cam-1");
        File.WriteAllText(SceneReference.PngPath(directory.Path, "cam-1"), "not a picture");

        var error = Assert.Throws<InvalidDataException>(() => SceneReference.Load(directory.Path, "cam-1"));

        Assert.Contains("cam-1.reference.png", error.Message, StringComparison.Ordinal);
    }
}
