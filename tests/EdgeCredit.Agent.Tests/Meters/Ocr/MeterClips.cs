using System.Diagnostics;
using EdgeCredit.Scenes;
using EdgeCredit.Scenes.MeterDisplays;
using OpenCvSharp;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

/// <summary>Clips of a rendered meter for tests that decode them with a real ffmpeg.</summary>
internal static class MeterClips
{
    /// <summary>A 4-s H.264 clip of a rendered drum meter at 12345.6 kWh (tune seed) and the meter's region in it.</summary>
    public static async Task<(string Clip, string Region)> DrumAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var spec = new MeterDisplaySpec(EdgeCredit.Scenes.MeterDisplays.DisplayKind.Drum, Degradation.Clean, 7, 1, 123_456, SceneCatalogue.TuneSeedBase + 810);
        string region;
        using (var rendered = MeterDisplayRenderer.Render(spec))
        {
            Cv2.ImWrite(Path.Combine(folder, "meter.png"), rendered.Frame);
            region = rendered.Region.ToPolygon();
        }

        var clip = Path.Combine(folder, "meter.mp4");
        using (var ffmpeg = Process.Start("/usr/bin/ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-loop", "1", "-i", Path.Combine(folder, "meter.png"), "-t", "4", "-r", "5", "-c:v", "libx264", "-pix_fmt", "yuv420p", clip]))
        {
            await ffmpeg.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, ffmpeg.ExitCode);
        }

        return (clip, region);
    }
}
