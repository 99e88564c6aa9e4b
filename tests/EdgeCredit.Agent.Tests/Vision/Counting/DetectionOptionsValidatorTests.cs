using EdgeCredit.Agent.Tests.Inference;
using EdgeCredit.Agent.Vision.Counting;

namespace EdgeCredit.Agent.Tests.Vision.Counting;

public sealed class DetectionOptionsValidatorTests
{
    [Fact]
    public void Validate_ShippedModelAndDefaults_Passes()
    {
        var validator = new DetectionOptionsValidator(Microsoft.Extensions.Options.Options.Create(new EdgeCredit.Agent.Inference.InferenceOptions()));

        Assert.True(validator.Validate(null, new DetectionOptions()).Succeeded);
    }

    [Theory]
    [InlineData(false, true)] // no camera runs the detector: it is not loaded at start
    [InlineData(true, false)]
    public void Validate_MissingModel_CheckedOnlyWhenACameraIsConfigured(bool camera, bool succeeds)
    {
        var cameras = new EdgeCredit.Agent.Capture.CamerasOptions();
        if (camera)
        {
            cameras.Sources.Add(EdgeCredit.Agent.Tests.Vision.VisionRun.MachineCamera());
        }

        var validator = new DetectionOptionsValidator(
            Microsoft.Extensions.Options.Options.Create(new EdgeCredit.Agent.Inference.InferenceOptions()),
            Microsoft.Extensions.Options.Options.Create(cameras));

        Assert.Equal(succeeds, validator.Validate(null, new DetectionOptions { Model = "no-such-detector/1" }).Succeeded);
    }

    [Fact]
    public void Validate_BadNumbersAndLine_NamesKeysValuesAndAllowed()
    {
        var validator = new DetectionOptionsValidator(Microsoft.Extensions.Options.Options.Create(new EdgeCredit.Agent.Inference.InferenceOptions()));
        var options = new DetectionOptions { MinScore = 1.5, MaxFps = 0 };
        options.Regions["belt-1"] = new CountingRegionOptions { Line = "0.5,0" };

        var failures = validator.Validate(null, options).Failures!.ToArray();

        Assert.Contains(failures, f => f.StartsWith("Detection:MinScore = '1.5' is invalid: allowed 0.05 to 0.99", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Detection:MaxFps = '0' is invalid: allowed 0.2 to 30", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Detection:Regions:belt-1:Line = '0.5,0' is invalid: a counting line is two different points", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ClassificationModel_RefusedAsNotADetectionModel()
    {
        using var folder = new ModelFolder();
        var manifest = ModelFolder.ClassifierManifest(ModelFolder.Sha256Of(ModelFolder.Fixture("classifier.onnx")));
        folder.Add("classifier.onnx", manifest);
        var validator = new DetectionOptionsValidator(Microsoft.Extensions.Options.Options.Create(folder.Options));

        var failure = Assert.Single(validator.Validate(null, new DetectionOptions { Model = "tiny-classifier/1" }).Failures!);

        Assert.StartsWith("Detection:Model = 'tiny-classifier/1' is invalid: it is a Classification model; counting needs a detection model", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DetectorWithoutTheItemLabel_RefusedNamingItsLabels()
    {
        using var folder = new ModelFolder();
        var manifest = new System.Text.Json.Nodes.JsonObject
        {
            ["schema"] = "edgecredit.model/1",
            ["name"] = "boxes",
            ["version"] = "1",
            ["task"] = "detection",
            ["file"] = "yolov8.onnx",
            ["sha256"] = ModelFolder.Sha256Of(ModelFolder.Fixture("yolov8.onnx")),
            ["input"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "images", ["shape"] = new System.Text.Json.Nodes.JsonArray(-1, 1, 64, 64), ["colour"] = "gray" },
            ["outputs"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "output0", ["layout"] = "yolov8" }),
            ["labels"] = new System.Text.Json.Nodes.JsonArray("box", "person"),
            ["card"] = "MODEL_CARD.md",
        };
        folder.Add("yolov8.onnx", manifest);
        var validator = new DetectionOptionsValidator(Microsoft.Extensions.Options.Options.Create(folder.Options));

        var failure = Assert.Single(validator.Validate(null, new DetectionOptions { Model = "boxes/1" }).Failures!);

        Assert.Contains("its labels (box, person) lack item; set Detection:ItemLabel / Detection:PersonLabel to labels it has", failure, StringComparison.Ordinal);
    }
}
