using System.Diagnostics;
using EdgeCredit.Agent.Commissioning;
using EdgeCredit.Agent.Tests.Support;
using OpenCvSharp;

namespace EdgeCredit.Agent.Tests.Commissioning;

public sealed class CommissionCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_FileCameraWithRegionAndMask_WritesPngWithMaskBlackAndRegionDrawn()
    {
        var video = _dir.File("cam.mp4");
        await FfmpegAsync("-f", "lavfi", "-i", "color=c=white:size=640x360:rate=5", "-t", "1", "-pix_fmt", "yuv420p", video);
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = await CommissionCommand.RunAsync(
            ["--out", _dir.Path, "--Cameras:Sources:0:Name=cam-1", $"--Cameras:Sources:0:Url={video}",
             "--Cameras:Sources:0:Regions:0:Name=press-1", "--Cameras:Sources:0:Regions:0:Polygon=0.1,0.1 0.5,0.1 0.5,0.6 0.1,0.6",
             "--Cameras:Sources:0:PrivacyMasks:0=0.6,0.6 0.9,0.6 0.9,0.9 0.6,0.9", $"--Vision:ReferenceDirectory={_dir.File("reference")}"],
            output,
            errors);

        Assert.True(code == 0, errors.ToString());
        using var image = Cv2.ImRead(Path.Combine(_dir.Path, "cam-1-regions.png"));
        Assert.Equal(640, image.Width);
        Assert.Equal(new Vec3b(0, 0, 0), image.At<Vec3b>(270, 480)); // inside the privacy mask
        Assert.Equal(new Vec3b(255, 255, 255), image.At<Vec3b>(200, 160)); // inside the region: untouched
        var edge = image.At<Vec3b>(200, (int)Math.Round(0.1 * 639)); // on the region's left edge: the machine colour
        Assert.NotEqual(new Vec3b(255, 255, 255), edge);
        Assert.Contains("1 regions, 1 masks", output.ToString(), StringComparison.Ordinal);
        var reference = EdgeCredit.Agent.Vision.SceneReference.Load(_dir.File("reference"), "cam-1");
        Assert.NotNull(reference); // the vision stage's "moved" and "defocused" checks compare against it
    }

    [Fact]
    public async Task Run_UnreachableCamera_ExitOneNamingTheKeyWithThePasswordMasked()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = await CommissionCommand.RunAsync(
            ["--out", _dir.Path, "--Cameras:Sources:0:Name=cam-9", "--Cameras:Sources:0:Url=rtsp://admin:hunter2@127.0.0.1:1/stream"],
            output,
            errors);

        Assert.Equal(1, code);
        Assert.Contains("Cameras:Sources:0:Url", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", output.ToString() + errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoCameras_ExitTwoWithTheKey()
    {
        var errors = new StringWriter();

        Assert.Equal(2, await CommissionCommand.RunAsync(["--out", _dir.Path], new StringWriter(), errors));
        Assert.Contains("Cameras:Sources", errors.ToString(), StringComparison.Ordinal);
    }

    private static async Task FfmpegAsync(params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/ffmpeg") { RedirectStandardError = true };
        foreach (var arg in (string[])["-hide_banner", "-loglevel", "error", "-y", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
    }
}
