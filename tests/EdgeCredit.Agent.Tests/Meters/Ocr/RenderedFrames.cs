using EdgeCredit.Agent.Capture;
using EdgeCredit.Scenes;
using EdgeCredit.Scenes.MeterDisplays;
using OpenCvSharp;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

/// <summary>Rendered meter displays (tune seeds only) as the grey frames the capture stage delivers.</summary>
internal static class RenderedFrames
{
    public static CameraFrame Frame(MeterDisplaySpec spec, DateTimeOffset at, out NormalizedRect region)
    {
        Assert.True(SceneCatalogue.IsTuneSeed(spec.Seed), $"tests use tune seeds only, not {spec.Seed}");
        using var rendered = MeterDisplayRenderer.Render(spec);
        using var grey = new Mat();
        Cv2.CvtColor(rendered.Frame, grey, ColorConversionCodes.BGR2GRAY);
        grey.GetArray(out byte[] pixels);
        var frame = new CameraFrame("meter-cam", 0, at, grey.Width, grey.Height);
        pixels.CopyTo(frame.Pixels);
        region = rendered.Region;
        return frame;
    }

    public static Mat Grey(MeterDisplaySpec spec, out Rect region)
    {
        Assert.True(SceneCatalogue.IsTuneSeed(spec.Seed), $"tests use tune seeds only, not {spec.Seed}");
        using var rendered = MeterDisplayRenderer.Render(spec);
        var grey = new Mat();
        Cv2.CvtColor(rendered.Frame, grey, ColorConversionCodes.BGR2GRAY);
        region = rendered.Region.ToPixels(grey.Width, grey.Height);
        return grey;
    }
}
