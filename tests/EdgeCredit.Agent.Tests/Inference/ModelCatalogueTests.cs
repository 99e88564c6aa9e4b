using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EdgeCredit.Agent.Tests.Inference;

public sealed class ModelCatalogueTests
{
    [Fact]
    public void Get_ValidManifest_OpensVerifiedSessionWithLabels()
    {
        using var folder = new ModelFolder();
        var onnx = folder.Add("classifier.onnx", ModelFolder.ClassifierManifest(ModelFolder.Sha256Of(ModelFolder.Fixture("classifier.onnx"))));
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(folder.Options));

        var model = catalogue.Get("tiny-classifier/1");

        Assert.Equal(onnx, model.FilePath);
        Assert.Equal(["bright", "mid", "dark"], model.Labels);
        Assert.Equal(ModelTask.Classification, model.Manifest.Task);
        Assert.True(model.Manifest.Input.DynamicBatch);
        Assert.Same(model, catalogue.Get("tiny-classifier/1"));
    }

    [Fact]
    public void Get_ShippedItemDetector_VerifiedAgainstItsManifestAndDetectsNothingInAnEmptyFrame()
    {
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(new InferenceOptions()));

        var model = catalogue.Get("item-detector/1");
        var found = new ObjectDetector(model).Detect(Enumerable.Repeat((byte)90, 320 * 180).ToArray(), 320, 180, new DetectionSettings(0.4f, 0.45f));

        Assert.Equal(["item", "person"], model.Labels);
        Assert.Equal(OutputLayout.YoloV8, model.Manifest.Outputs[0].Layout);
        Assert.True(model.Manifest.Input.DynamicBatch);
        Assert.Empty(found);
    }

    [Fact]
    public void Get_FileChecksumDiffers_RefusedNamingModelFileExpectedActualAndFix()
    {
        using var folder = new ModelFolder();
        var wrong = new string('0', 64);
        var onnx = folder.Add("classifier.onnx", ModelFolder.ClassifierManifest(wrong));
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(folder.Options));

        var error = Assert.Throws<ModelRejectedException>(() => catalogue.Get("tiny-classifier/1"));

        Assert.Equal("tiny-classifier/1", error.Model);
        Assert.Equal(onnx, error.File);
        Assert.Contains($"model.json expects {wrong}, the file has {ModelFolder.Sha256Of(onnx)}", error.Message, StringComparison.Ordinal);
        Assert.Contains("reinstall it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_InputShapeDiffersFromManifest_RefusedNamingExpectedAndActualShapes()
    {
        using var folder = new ModelFolder();
        var manifest = ModelFolder.ClassifierManifest(ModelFolder.Sha256Of(ModelFolder.Fixture("classifier.onnx")));
        manifest["input"]!["shape"] = new System.Text.Json.Nodes.JsonArray(-1, 1, 16, 16);
        var onnx = folder.Add("classifier.onnx", manifest);
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(folder.Options));

        var error = Assert.Throws<ModelRejectedException>(() => catalogue.Get("tiny-classifier/1"));

        Assert.Equal(onnx, error.File);
        Assert.Contains("input 'x' shape: model.json (and its card MODEL_CARD.md) declares [-1,1,16,16], the model file has [-1,1,8,8] Single", error.Message, StringComparison.Ordinal);
        Assert.Contains("install the model the card describes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_OutputLabelsDisagree_Refused()
    {
        using var folder = new ModelFolder();
        var manifest = ModelFolder.ClassifierManifest(ModelFolder.Sha256Of(ModelFolder.Fixture("classifier.onnx")));
        manifest["labels"] = new System.Text.Json.Nodes.JsonArray("a", "b");
        folder.Add("classifier.onnx", manifest);
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(folder.Options));

        var error = Assert.Throws<ModelRejectedException>(() => catalogue.Get("tiny-classifier/1"));

        Assert.Contains("output 'logits' (Logits with 2 labels)", error.Message, StringComparison.Ordinal);
        Assert.Contains("[-1,3]", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task", "tracking", "not a valid manifest")]
    [InlineData("task", "segmentation", "does not fit task Segmentation (classification: logits|probabilities; detection: yolov5|yolov8; text-detection: ppocr-det; text-recognition: ctc; segmentation: mask)")]
    [InlineData("schema", "other/2", "schema is 'other/2'")]
    [InlineData("version", "2", "name/version is 'tiny-classifier/2' but the folder is models/tiny-classifier/1/")]
    public void Get_BadManifest_RefusedWithReason(string field, string value, string reason)
    {
        using var folder = new ModelFolder();
        var manifest = ModelFolder.ClassifierManifest(ModelFolder.Sha256Of(ModelFolder.Fixture("classifier.onnx")));
        folder.Add("classifier.onnx", manifest);
        manifest[field] = value;
        File.WriteAllText(Path.Combine(folder.Path, "tiny-classifier", "1", "model.json"), manifest.ToJsonString());
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(folder.Options));

        var error = Assert.Throws<ModelRejectedException>(() => catalogue.Get("tiny-classifier/1"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_SourceNotFetched_RefusedNamingTheFetchScript()
    {
        using var folder = new ModelFolder();
        var manifest = ModelFolder.ClassifierManifest(ModelFolder.Sha256Of(ModelFolder.Fixture("classifier.onnx")));
        folder.Add("classifier.onnx", manifest);
        manifest.Remove("file");
        manifest["source"] = new System.Text.Json.Nodes.JsonObject
        {
            ["kind"] = "npm",
            ["package"] = "@example/models@1.0.0",
            ["tarballSha256"] = new string('a', 64),
            ["path"] = "package/classifier.onnx",
            ["fetch"] = "models/fetch-models.sh",
        };
        File.WriteAllText(Path.Combine(folder.Path, "tiny-classifier", "1", "model.json"), manifest.ToJsonString());
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(folder.Options));

        var error = Assert.Throws<ModelRejectedException>(() => catalogue.Get("tiny-classifier/1"));

        Assert.Equal(Path.Combine(folder.Path, "cache", "tiny-classifier", "1", "classifier.onnx"), error.File);
        Assert.Contains("run models/fetch-models.sh", error.Message, StringComparison.Ordinal);

        // Once fetched into the cache, the same manifest loads.
        Directory.CreateDirectory(Path.GetDirectoryName(error.File)!);
        File.Copy(ModelFolder.Fixture("classifier.onnx"), error.File);
        Assert.Equal(error.File, catalogue.Get("tiny-classifier/1").FilePath);
    }

    [Fact]
    public void Start_ListedModelWithWrongChecksum_StopsWithKeyModelFileAndFix()
    {
        using var folder = new ModelFolder();
        var onnx = folder.Add("classifier.onnx", ModelFolder.ClassifierManifest(new string('f', 64)));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Inference:ModelsDirectory"] = folder.Path,
            ["Inference:Models:0"] = "tiny-classifier/1",
        });
        builder.AddInference();
        using var host = builder.Build();

        var error = Assert.ThrowsAny<Exception>(() => ConfigurationErrors.Validate(host.Services));

        Assert.True(ConfigurationErrors.TryDescribe(error, out var lines));
        var line = Assert.Single(lines);
        Assert.True(line.StartsWith("Inference:Models:0 = 'tiny-classifier/1' is refused: model tiny-classifier/1, file " + onnx + ": SHA-256 mismatch", StringComparison.Ordinal), line);
    }
}
