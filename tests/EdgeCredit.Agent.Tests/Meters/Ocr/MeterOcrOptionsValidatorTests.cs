using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Meters.Ocr;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

public sealed class MeterOcrOptionsValidatorTests
{
    [Fact]
    public void Validate_NoMeters_NeedsNoModels()
    {
        var validator = new MeterOcrOptionsValidator(Options.Create(new InferenceOptions { ModelsDirectory = "/nonexistent" }));

        Assert.True(validator.Validate(null, new MeterOcrOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NameKeyValueAndWhatIsAllowed()
    {
        var options = new MeterOcrOptions { DetectionSide = 100, MinConfidence = 0.2 };
        options.Meters.Add(new OcrMeterOptions
        {
            Name = "main meter", // space
            Url = string.Empty,
            Region = "0.1,0.1 1.5,0.2 0.3,0.4",
            ReadInterval = TimeSpan.FromSeconds(1),
            Digits = 7,
            Decimals = 7,
            MaxKilowatts = 0,
        });
        var validator = new MeterOcrOptionsValidator(Options.Create(new InferenceOptions { ModelsDirectory = "/nonexistent" }));

        var message = validator.Validate(null, options).FailureMessage;

        Assert.Contains("MeterOcr:DetectionSide", message, StringComparison.Ordinal);
        Assert.Contains("MeterOcr:MinConfidence", message, StringComparison.Ordinal);
        Assert.Contains("MeterOcr:Meters:0:Name", message, StringComparison.Ordinal);
        Assert.Contains("MeterOcr:Meters:0:Url", message, StringComparison.Ordinal);
        Assert.Contains("MeterOcr:Meters:0:Region", message, StringComparison.Ordinal);
        Assert.Contains("outside the image", message, StringComparison.Ordinal);
        Assert.Contains("MeterOcr:Meters:0:ReadInterval", message, StringComparison.Ordinal);
        Assert.Contains("MeterOcr:Meters:0:Decimals", message, StringComparison.Ordinal);
        Assert.Contains("MeterOcr:Meters:0:MaxKilowatts", message, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", message, StringComparison.Ordinal); // models are checked only once the rest is right
    }

    [Fact]
    public void Validate_CameraOfTheVisionCameras_Accepted()
    {
        var validator = new MeterOcrOptionsValidator(Options.Create(new InferenceOptions { ModelsDirectory = "/nonexistent" }), Options.Create(Cameras("cam-1", "cam-2")));

        var message = validator.Validate(null, Meter(url: string.Empty, camera: "cam-2")).FailureMessage ?? string.Empty;

        Assert.DoesNotContain("MeterOcr:Meters:0:Camera", message, StringComparison.Ordinal);
        Assert.DoesNotContain("MeterOcr:Meters:0:Url", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "cam-9", "MeterOcr:Meters:0:Camera", "is not one of Cameras:Sources (cam-1, cam-2)")]
    [InlineData("rtsp://10.0.0.9/s", "cam-1", "MeterOcr:Meters:0:Url", "must be empty when MeterOcr:Meters:0:Camera is set")]
    [InlineData("", "", "MeterOcr:Meters:0:Url", "or set Camera to a camera of Cameras:Sources")]
    public void Validate_CameraUnknownOrWithUrl_NamesKeyAndFix(string url, string camera, string key, string fix)
    {
        var validator = new MeterOcrOptionsValidator(Options.Create(new InferenceOptions { ModelsDirectory = "/nonexistent" }), Options.Create(Cameras("cam-1", "cam-2")));

        var message = validator.Validate(null, Meter(url, camera)).FailureMessage;

        Assert.Contains(key, message, StringComparison.Ordinal);
        Assert.Contains(fix, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CameraWithoutVisionCameras_SaysCamerasSourcesIsEmpty()
    {
        var validator = new MeterOcrOptionsValidator(Options.Create(new InferenceOptions { ModelsDirectory = "/nonexistent" }));

        var message = validator.Validate(null, Meter(string.Empty, "cam-1")).FailureMessage;

        Assert.Contains("MeterOcr:Meters:0:Camera", message, StringComparison.Ordinal);
        Assert.Contains("Cameras:Sources is empty", message, StringComparison.Ordinal);
    }

    private static CamerasOptions Cameras(params string[] names)
    {
        var cameras = new CamerasOptions();
        foreach (var name in names)
        {
            cameras.Sources.Add(new CameraOptions { Name = name, Url = "rtsp://10.0.0.9/" + name });
        }

        return cameras;
    }

    private static MeterOcrOptions Meter(string url, string camera)
    {
        var options = new MeterOcrOptions();
        options.Meters.Add(new OcrMeterOptions { Name = "meter-1", Url = url, Camera = camera, Region = "0.1,0.1 0.5,0.1 0.5,0.3 0.1,0.3", MaxKilowatts = 50 });
        return options;
    }
}
