using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Tests.Capture;

public sealed class CameraUrlTests
{
    [Theory]
    [InlineData("rtsp://10.0.0.9:554/stream1", "Rtsp")]
    [InlineData("RTSPS://cam.local/s", "Rtsp")]
    [InlineData("http://10.0.0.9/video.mjpg", "Http")]
    [InlineData("https://cam/video", "Http")]
    [InlineData("/dev/video0", "Device")]
    [InlineData("clips/line-3.mp4", "File")]
    [InlineData("/srv/clip.mp4", "File")]
    [InlineData("udp://10.0.0.9:5000", "Unsupported")]
    [InlineData("rtsp://", "Unsupported")]
    [InlineData(" rtsp://10.0.0.9/s", "Unsupported")]
    [InlineData("", "Unsupported")]
    public void KindOf_Url_Classified(string url, string kind) => Assert.Equal(Enum.Parse<CameraSourceKind>(kind), CameraUrl.KindOf(url));

    [Theory]
    [InlineData("rtsp://admin:s3cret@10.0.0.9:554/s", "rtsp://admin:***@10.0.0.9:554/s")]
    [InlineData("[tcp @ 0x55] Connection to rtsp://u:p%40ss@host/x failed", "[tcp @ 0x55] Connection to rtsp://u:***@host/x failed")]
    [InlineData("http://10.0.0.9/video.mjpg", "http://10.0.0.9/video.mjpg")]
    [InlineData("rtsp://user@10.0.0.9/s", "rtsp://user@10.0.0.9/s")]
    public void Mask_Password_Replaced(string text, string masked) => Assert.Equal(masked, CameraUrl.Mask(text));

    [Fact]
    public void Arguments_Rtsp_TcpTransportGreyRawAtRateAndWidth()
    {
        var args = FfmpegArguments.For(new CameraOptions { Url = "rtsp://10.0.0.9/s", AnalysisFps = 2.5, AnalysisWidth = 480 });

        Assert.Equal("tcp", args[args.ToList().IndexOf("-rtsp_transport") + 1]);
        Assert.Equal("fps=2.5,scale=480:-2:flags=area", args[args.ToList().IndexOf("-vf") + 1]);
        Assert.Equal(["-pix_fmt", "gray", "-f", "rawvideo", "pipe:1"], args.TakeLast(5));
    }

    [Fact]
    public void Arguments_Defaults_OneDecoderThreadNoDeblockingBeforeInput()
    {
        var args = FfmpegArguments.For(new CameraOptions { Url = "rtsp://10.0.0.9/s" }).ToList();
        var input = args.IndexOf("-i");

        Assert.Equal("1", args[args.IndexOf("-threads") + 1]);
        Assert.Equal("all", args[args.IndexOf("-skip_loop_filter") + 1]);
        Assert.True(args.IndexOf("-threads") < input && args.IndexOf("-skip_loop_filter") < input, "decoder options go before -i");
        Assert.Equal("1", args[args.IndexOf("-filter_threads") + 1]);
    }

    [Fact]
    public void Arguments_DeblockingKeptAndAutomaticThreads_FfmpegDefaults()
    {
        var args = FfmpegArguments.For(new CameraOptions { Url = "rtsp://10.0.0.9/s", SkipDeblocking = false, DecodeThreads = 0 }).ToList();

        Assert.DoesNotContain("-skip_loop_filter", args);
        Assert.Equal("0", args[args.IndexOf("-threads") + 1]);
    }

    [Fact]
    public void Arguments_Stills_SplitIntoAnalysisFramesAndOneAtomicPictureFilePerStill()
    {
        CameraStillOutput[] stills = [new("/tmp/a.pgm", 0.0666667, 1280), new("/tmp/b.pgm", 0.2, 640)];
        var args = FfmpegArguments.For(new CameraOptions { Url = "rtsp://10.0.0.9/s", AnalysisFps = 5, AnalysisWidth = 320 }, stills).ToList();

        Assert.Equal(
            "[0:v:0]split=3[a][s0][s1];[a]fps=5,scale=320:-2:flags=area,format=gray[v];[s0]fps=0.066667,scale=1280:-2:flags=area,format=gray[o0];[s1]fps=0.2,scale=640:-2:flags=area,format=gray[o1]",
            args[args.IndexOf("-filter_complex") + 1]);
        Assert.DoesNotContain("-vf", args);
        Assert.DoesNotContain("-skip_loop_filter", args); // a still is read at close to the camera's width: block edges would show
        var pipe = args.IndexOf("pipe:1");
        Assert.Equal(["-map", "[v]", "-pix_fmt", "gray", "-f", "rawvideo", "pipe:1"], args[(pipe - 6)..(pipe + 1)]);
        Assert.Equal(["-map", "[o0]", "-f", "image2", "-update", "1", "-atomic_writing", "1", "-y", "/tmp/a.pgm"], args[(pipe + 1)..(pipe + 11)]);
        Assert.Equal(["-map", "[o1]", "-f", "image2", "-update", "1", "-atomic_writing", "1", "-y", "/tmp/b.pgm"], args[(pipe + 11)..]);
    }

    [Fact]
    public void Arguments_FileRealTime_LoopedAtItsOwnRate()
    {
        var live = FfmpegArguments.For(new CameraOptions { Url = "a.mp4", FileRealTime = true });
        var fast = FfmpegArguments.For(new CameraOptions { Url = "a.mp4", FileRealTime = false });

        Assert.Contains("-re", live);
        Assert.Contains("-stream_loop", live);
        Assert.DoesNotContain("-re", fast);
        Assert.DoesNotContain("-stream_loop", fast);
    }

    [Theory]
    [InlineData("  Stream #0:0(und): Video: rawvideo (Y800 / 0x30303859), gray(pc, progressive), 320x180 [SAR 1:1 DAR 16:9], q=2-31, 2304 kb/s, 5 fps, 5 tbn (default)", 320, 180)]
    [InlineData("  Stream #0:0: Video: rawvideo (Y800 / 0x30303859), gray(pc, smpte170m, progressive), 1280x720, q=2-31", 1280, 720)]
    public void TryParseSize_OutputStreamLine_Size(string line, int width, int height)
    {
        Assert.True(FfmpegStreamInfo.TryParseSize(line, out var w, out var h));
        Assert.Equal((width, height), (w, h));
    }

    [Fact]
    public void TryParseSize_InputStreamLine_False() =>
        Assert.False(FfmpegStreamInfo.TryParseSize("  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), 640x360 [SAR 1:1 DAR 16:9]", out _, out _));
}
