using EdgeCredit.Agent.Vision;
using Microsoft.Extensions.Configuration;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class VisionOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Passes()
    {
        Assert.True(new VisionOptionsValidator().Validate(null, new VisionOptions()).Succeeded);
    }

    [Fact]
    public void Validate_DefaultsWithTheShippedModels_PassesWithThePersonMaskChecked()
    {
        var validator = new VisionOptionsValidator(Microsoft.Extensions.Options.Options.Create(new Agent.Inference.InferenceOptions()));

        var result = validator.Validate(null, new VisionOptions());

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    [Theory]
    [InlineData(false, true)] // no camera runs the mask: it is not loaded at start
    [InlineData(true, false)]
    public void Validate_BadPersonMask_CheckedOnlyWhenACameraIsConfigured(bool camera, bool succeeds)
    {
        var cameras = new Agent.Capture.CamerasOptions();
        if (camera)
        {
            cameras.Sources.Add(VisionRun.MachineCamera());
        }

        var validator = new VisionOptionsValidator(
            Microsoft.Extensions.Options.Options.Create(new Agent.Inference.InferenceOptions()),
            Microsoft.Extensions.Options.Options.Create(cameras));

        Assert.Equal(succeeds, validator.Validate(null, new VisionOptions { PersonMask = "no-such-mask/1" }).Succeeded);
    }

    [Theory]
    [InlineData("item-detector/1", "it is a Detection model, not segmentation")]
    [InlineData("no-such-mask/1", "no-such-mask")]
    public void Validate_PersonMaskNotASegmentationModel_RefusedNamingKeyValueAndFix(string model, string reason)
    {
        var validator = new VisionOptionsValidator(Microsoft.Extensions.Options.Options.Create(new Agent.Inference.InferenceOptions()));

        var result = validator.Validate(null, new VisionOptions { PersonMask = model });

        var line = Assert.Single(result.Failures!);
        Assert.StartsWith($"Vision:PersonMask = '{model}'", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Contains("or set it empty", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Vision:NoiseFactor", "1", "allowed 2 to 20")]
    [InlineData("Vision:MotionShare", "0.9", "allowed 0.0005 to 0.5")]
    [InlineData("Vision:ExitActivity", "0.7", "lower than the enter threshold")]
    [InlineData("Vision:EnterFor", "00:00:00", "allowed 00:00:01 to 00:10:00")]
    [InlineData("Vision:FrozenFor", "01:00:00", "allowed 00:00:01 to 00:10:00")]
    [InlineData("Vision:LoopMinPeriod", "00:02:00", "allowed 00:00:01 to 00:01:30")]
    [InlineData("Vision:DefocusRatio", "1.5", "allowed 0.01 to 0.95")]
    [InlineData("Vision:ConveyorHold", "00:05:00", "allowed 00:00:00 to 00:02:00")]
    [InlineData("Vision:CoveredShare", "0.2", "allowed 0.5 to 1")]
    [InlineData("Vision:ReferenceDirectory", "/nonexistent/references", "the directory does not exist")]
    [InlineData("Vision:Regions:press-1:EnterActivity", "0.1", "lower than the enter threshold")]
    [InlineData("Vision:Regions:press-1:ExitFor", "00:20:00", "allowed 00:00:01 to 00:10:00")]
    public void Validate_BadValue_NamesKeyValueAndAllowed(string key, string value, string allowed)
    {
        var options = Bind(new Dictionary<string, string?> { [key] = value, ["Vision:LoopHistory"] = "00:03:00" });

        var result = new VisionOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var line = Assert.Single(result.Failures!);
        Assert.StartsWith($"{(key.EndsWith("EnterActivity", StringComparison.Ordinal) ? key.Replace("EnterActivity", "ExitActivity", StringComparison.Ordinal) : key)} = '", line, StringComparison.Ordinal);
        Assert.Contains(allowed, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_RegionOverride_AppliesToThatRegionOnly()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Vision:Regions:belt-2:EnterFor"] = "00:00:20",
            ["Vision:Regions:belt-2:RejectPassingMotion"] = "false",
        });

        var belt = RegionSettings.For("belt-2", EdgeCredit.Agent.Capture.RegionKind.Conveyor, options);
        var press = RegionSettings.For("press-1", EdgeCredit.Agent.Capture.RegionKind.Machine, options);

        Assert.Equal((TimeSpan.FromSeconds(20), false), (belt.EnterFor, belt.RejectPassingMotion));
        Assert.Equal((options.EnterFor, true), (press.EnterFor, press.RejectPassingMotion));
        Assert.True(RegionSettings.For("belt-3", EdgeCredit.Agent.Capture.RegionKind.Conveyor, options).RejectPassingMotion);
        Assert.False(RegionSettings.For("desk-1", EdgeCredit.Agent.Capture.RegionKind.Station, options).RejectPassingMotion);
    }

    private static VisionOptions Bind(Dictionary<string, string?> values)
    {
        var options = new VisionOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(VisionOptions.SectionName).Bind(options);
        return options;
    }
}
