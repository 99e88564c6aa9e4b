using System.Text.Json.Nodes;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Testing.Infrastructure;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

/// <summary>
/// The OCR models are refused at start, with the key, the model, the file and the fix, when a file does not match its
/// pinned checksum or when the model's input does not match its manifest and card.
/// </summary>
public sealed class OcrModelRefusalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "edgecredit-ocr-refusal", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Validate_DetectionModelWithWrongChecksum_IsRefusedNamingKeyFileAndFix()
    {
        var cache = Path.Combine(_folder, "cache");
        CopyCache(cache);
        using (var file = File.Open(Path.Combine(cache, "ppocr-v4-det", "1", "ch_PP-OCRv4_det_infer.onnx"), FileMode.Append))
        {
            file.WriteByte(0); // one byte more: not the published model
        }

        var result = Validate(new InferenceOptions { ModelsDirectory = Path.Combine(RepoPaths.Root, "models"), CacheDirectory = cache });

        Assert.True(result.Failed);
        var message = result.FailureMessage;
        Assert.Contains("MeterOcr:DetectionModel", message, StringComparison.Ordinal);
        Assert.Contains("ppocr-v4-det/1", message, StringComparison.Ordinal);
        Assert.Contains("SHA-256 mismatch", message, StringComparison.Ordinal);
        Assert.Contains("models/ppocr-v4/fetch.sh", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RecognitionModelWhoseInputDiffersFromItsCard_IsRefused()
    {
        var models = Path.Combine(_folder, "models");
        foreach (var name in new[] { "ppocr-v4-det", "ppocr-v4-rec" })
        {
            Directory.CreateDirectory(Path.Combine(models, name, "1"));
            File.Copy(Path.Combine(RepoPaths.Root, "models", name, "1", "model.json"), Path.Combine(models, name, "1", "model.json"));
        }

        var manifestPath = Path.Combine(models, "ppocr-v4-rec", "1", "model.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        manifest["input"]!["shape"] = new JsonArray(-1, 3, 32, -1); // PP-OCRv3-era height: not this model
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var result = Validate(new InferenceOptions { ModelsDirectory = models, CacheDirectory = MeterOcrDefaults.FetchCache });

        Assert.True(result.Failed);
        Assert.Contains("MeterOcr:RecognitionModel", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("[-1,3,32,-1]", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("[-1,3,48,-1]", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FetchedModels_AreAccepted()
    {
        var result = Validate(new InferenceOptions { ModelsDirectory = Path.Combine(RepoPaths.Root, "models"), CacheDirectory = MeterOcrDefaults.FetchCache });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static ValidateOptionsResult Validate(InferenceOptions inference)
    {
        var options = new MeterOcrOptions();
        options.Meters.Add(new OcrMeterOptions { Name = "main-meter", Url = "rtsp://127.0.0.1/meter", Region = "0.1,0.1 0.9,0.1 0.9,0.9", MaxKilowatts = 80 });
        return new MeterOcrOptionsValidator(Options.Create(inference)).Validate(null, options);
    }

    private static void CopyCache(string cache)
    {
        foreach (var file in Directory.EnumerateFiles(MeterOcrDefaults.FetchCache, "*", SearchOption.AllDirectories).Where(f => f.Contains("ppocr-v4-", StringComparison.Ordinal)))
        {
            var target = Path.Combine(cache, Path.GetRelativePath(MeterOcrDefaults.FetchCache, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
