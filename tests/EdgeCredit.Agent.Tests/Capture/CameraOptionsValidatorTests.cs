using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Tests.Capture;

public sealed class CameraOptionsValidatorTests
{
    [Fact]
    public void Validate_GoodCameras_Succeeds()
    {
        var options = Options(new CameraOptions { Name = "cam-1", Url = "rtsp://admin:pw@10.0.0.9:554/stream1" });
        options.Sources.Add(new CameraOptions { Name = "cam-2", Url = "http://10.0.0.10/video.mjpg" });
        options.Sources.Add(new CameraOptions { Name = "cam-3", Url = "/dev/video0" });
        options.Sources[0].Regions.Add(new RegionOptions { Name = "press-1", Polygon = "0.1,0.2 0.45,0.2 0.45,0.7 0.1,0.7" });
        options.Sources[0].PrivacyMasks.Add("0,0 1,0 1,0.1");

        var result = new CameraOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UnreachableCamera_IsNotAStartError()
    {
        // Nothing answers there; the camera goes offline at run time and is retried.
        var result = new CameraOptionsValidator().Validate(null, Options(new CameraOptions { Name = "cam-1", Url = "rtsp://192.0.2.1:554/none" }));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_FfmpegMissing_NamesKeyValueAndInstall()
    {
        var options = Options(new CameraOptions { Name = "cam-1", Url = "rtsp://10.0.0.9/s" });
        options.FfmpegPath = "/opt/none/ffmpeg";

        var failure = Assert.Single(new CameraOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith("Cameras:FfmpegPath = '/opt/none/ffmpeg' is invalid", failure, StringComparison.Ordinal);
        Assert.Contains("apt-get install ffmpeg", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AnalysisFps", "0.2", "allowed 0.5 to 30")]
    [InlineData("AnalysisWidth", "32", "allowed 64 to 1920")]
    [InlineData("QueueCapacity", "0", "allowed 1 to 256")]
    [InlineData("DecodeThreads", "17", "allowed 0 to 16")]
    [InlineData("ReconnectMin", "00:00:00.0500000", "allowed 00:00:00.1000000 to 00:01:00")]
    [InlineData("ReconnectMax", "00:00:00.5000000", "allowed 00:00:01 to 00:10:00")]
    [InlineData("StallTimeout", "00:10:00", "allowed 00:00:01 to 00:05:00")]
    [InlineData("Url", "udp://10.0.0.9:5000", "must be rtsp://")]
    [InlineData("Url", "/srv/missing-clip.mp4", "the video file does not exist")]
    [InlineData("Name", "cam 1", "must be 1 to 64 characters")]
    public void Validate_BadValue_NamesKeyValueAndWhatIsAllowed(string key, string value, string allowed)
    {
        var camera = new CameraOptions { Name = "cam-1", Url = "rtsp://10.0.0.9/s" };
        switch (key)
        {
            case "AnalysisFps": camera.AnalysisFps = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "AnalysisWidth": camera.AnalysisWidth = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "DecodeThreads": camera.DecodeThreads = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "QueueCapacity": camera.QueueCapacity = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "ReconnectMin": camera.ReconnectMin = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "ReconnectMax": camera.ReconnectMax = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "StallTimeout": camera.StallTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Url": camera.Url = value; break;
            case "Name": camera.Name = value; break;
        }

        var failure = Assert.Single(new CameraOptionsValidator().Validate(null, Options(camera)).Failures!);

        Assert.StartsWith($"Cameras:Sources:0:{key} = '{value}' is invalid: ", failure, StringComparison.Ordinal);
        Assert.Contains(allowed, failure, StringComparison.Ordinal);
        Assert.EndsWith($"pass --Cameras:Sources:0:{key}=<value>, or set Cameras__Sources__0__{key}=<value> in the environment (on a gateway: /etc/edgecredit/agent.env).", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordInBadUrl_Masked()
    {
        var failure = Assert.Single(new CameraOptionsValidator().Validate(null, Options(new CameraOptions { Name = "cam-1", Url = "rtmp://admin:s3cret@10.0.0.9/live" })).Failures!);

        Assert.Contains("'rtmp://admin:***@10.0.0.9/live'", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadPolygonsAndDuplicateNames_OneLineEach()
    {
        var first = new CameraOptions { Name = "cam-1", Url = "rtsp://10.0.0.9/s" };
        first.Regions.Add(new RegionOptions { Name = "press-1", Polygon = "0.1,0.2 0.5,0.2" });
        first.Regions.Add(new RegionOptions { Name = "press-2", Polygon = "0.1,0.2 1.5,0.2 0.5,0.9" });
        first.PrivacyMasks.Add("0;0 1;0 1;1");
        var second = new CameraOptions { Name = "cam-1", Url = "rtsp://10.0.0.10/s" };
        second.Regions.Add(new RegionOptions { Name = "press-1", Polygon = "0,0 1,0 1,1" });
        var options = Options(first);
        options.Sources.Add(second);

        var failures = new CameraOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Cameras:Sources:0:Regions:0:Polygon = '0.1,0.2 0.5,0.2' is invalid: a polygon needs at least three points", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cameras:Sources:0:Regions:1:Polygon = '0.1,0.2 1.5,0.2 0.5,0.9' is invalid: point 1.5,0.2 is outside the image", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cameras:Sources:0:PrivacyMasks:0 = '0;0 1;0 1;1' is invalid: '0;0' is not a point", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cameras:Sources:1:Name = 'cam-1' is invalid: already used by Cameras:Sources:0", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cameras:Sources:1:Regions:0:Name = 'press-1' is invalid: already used by Cameras:Sources:0:Regions:0:", StringComparison.Ordinal));
    }

    private static CamerasOptions Options(CameraOptions camera)
    {
        var options = new CamerasOptions { FfmpegPath = "/usr/bin/ffmpeg" };
        options.Sources.Add(camera);
        return options;
    }
}
