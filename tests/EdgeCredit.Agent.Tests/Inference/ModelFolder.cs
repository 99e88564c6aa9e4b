using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCredit.Agent.Inference;

namespace EdgeCredit.Agent.Tests.Inference;

/// <summary>A temporary models folder: fixture .onnx files copied in with a manifest the test can bend.</summary>
internal sealed class ModelFolder : IDisposable
{
    public ModelFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "edgecredit-models-tests", Guid.NewGuid().ToString("N"));

    public InferenceOptions Options => new() { ModelsDirectory = Path, CacheDirectory = System.IO.Path.Combine(Path, "cache") };

    public static string Fixture(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Inference", "Fixtures", file);

    /// <summary>The manifest of the classifier fixture (grey 8x8, 3 labels), correct; <paramref name="edit"/> may change it.</summary>
    public static JsonObject ClassifierManifest(string sha256) => new()
    {
        ["schema"] = "edgecredit.model/1",
        ["name"] = "tiny-classifier",
        ["version"] = "1",
        ["task"] = "classification",
        ["file"] = "classifier.onnx",
        ["sha256"] = sha256,
        ["input"] = new JsonObject
        {
            ["name"] = "x",
            ["shape"] = new JsonArray(-1, 1, 8, 8),
            ["layout"] = "NCHW",
            ["colour"] = "gray",
            ["scale"] = 1.0 / 255,
            ["mean"] = new JsonArray(0.0),
            ["std"] = new JsonArray(1.0),
            ["resize"] = "stretch",
        },
        ["outputs"] = new JsonArray(new JsonObject { ["name"] = "logits", ["layout"] = "logits" }),
        ["labels"] = new JsonArray("bright", "mid", "dark"),
        ["card"] = "MODEL_CARD.md",
    };

    public static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Writes models/{name}/{version}/ with the fixture file and the manifest; returns the .onnx path.</summary>
    public string Add(string fixture, JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var folder = System.IO.Path.Combine(Path, (string)manifest["name"]!, (string)manifest["version"]!);
        Directory.CreateDirectory(folder);
        var onnx = System.IO.Path.Combine(folder, (string?)manifest["file"] ?? fixture);
        File.Copy(Fixture(fixture), onnx, overwrite: true);
        File.WriteAllText(System.IO.Path.Combine(folder, "model.json"), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return onnx;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
