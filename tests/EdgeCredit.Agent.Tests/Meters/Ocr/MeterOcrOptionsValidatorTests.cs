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
}
