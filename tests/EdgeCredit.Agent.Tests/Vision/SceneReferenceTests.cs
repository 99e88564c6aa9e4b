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
}
