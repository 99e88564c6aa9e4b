using System.Text.Json;
using System.Text.RegularExpressions;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// Reads a <c>model.json</c> and checks that it is complete and consistent on its own (before the model file is
/// opened): schema id, name/version matching the folder, exactly one of file and source, a SHA-256, an NCHW input whose
/// channels fit its colour order, normalisation values per channel, outputs whose layouts fit the task, and labels.
/// </summary>
internal static partial class ManifestReader
{
    public const string FileName = "model.json";

    /// <summary>Reads and checks <paramref name="path"/>; throws <see cref="ModelRejectedException"/> naming what is wrong.</summary>
    public static ModelManifest Read(string path, string expectedReference)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(expectedReference);
        if (!System.IO.File.Exists(path))
        {
            throw new ModelRejectedException(expectedReference, path, $"no manifest: expected {FileName} at this path; install the model folder models/{expectedReference}/ beside the agent or correct the model reference");
        }

        ModelManifest? manifest;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            manifest = JsonSerializer.Deserialize(stream, ModelManifestJson.Default.ModelManifest);
        }
        catch (JsonException ex)
        {
            throw new ModelRejectedException(expectedReference, path, $"not a valid manifest ({ex.Message}); see the schema in models/README.md", ex);
        }

        if (manifest is null)
        {
            throw new ModelRejectedException(expectedReference, path, "the manifest is empty; see the schema in models/README.md");
        }

        var problems = Problems(manifest, expectedReference);
        if (problems.Count > 0)
        {
            throw new ModelRejectedException(expectedReference, path, string.Join("; ", problems) + " (see the schema in models/README.md)");
        }

        return manifest;
    }

    /// <summary>What is wrong with a manifest on its own; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(ModelManifest manifest, string expectedReference)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var problems = new List<string>();
        if (manifest.Schema != ModelManifest.SchemaId)
        {
            problems.Add($"schema is '{manifest.Schema}', expected '{ModelManifest.SchemaId}'");
        }

        if (manifest.Reference != expectedReference)
        {
            problems.Add($"name/version is '{manifest.Reference}' but the folder is models/{expectedReference}/");
        }

        if ((manifest.File is null) == (manifest.Source is null))
        {
            problems.Add("give exactly one of 'file' (beside the manifest) and 'source' (a pinned package)");
        }

        if (manifest.Source is { } source && (source.Kind != "npm" || string.IsNullOrWhiteSpace(source.Package) || !Sha256Pattern().IsMatch(source.TarballSha256) || string.IsNullOrWhiteSpace(source.Path) || string.IsNullOrWhiteSpace(source.Fetch)))
        {
            problems.Add("source needs kind 'npm', package (exact spec), tarballSha256 (64 hex digits), path (inside the tarball) and fetch (the script that fills the cache)");
        }

        if (!Sha256Pattern().IsMatch(manifest.Sha256))
        {
            problems.Add($"sha256 '{manifest.Sha256}' is not 64 lower-case hex digits");
        }

        InputProblems(manifest.Input, problems);
        OutputProblems(manifest, problems);
        if ((manifest.Labels is null) == (manifest.LabelsFile is null))
        {
            problems.Add("give exactly one of 'labels' (inline) and 'labelsFile'");
        }
        else if (manifest.Labels is { Count: 0 })
        {
            problems.Add("labels is empty");
        }

        if (string.IsNullOrWhiteSpace(manifest.Card))
        {
            problems.Add("card (the MODEL_CARD.md path) is missing");
        }

        return problems;
    }

    private static void InputProblems(ModelInput input, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            problems.Add("input.name is missing");
        }

        if (input.Layout != "NCHW" || input.Shape.Count != 4 || input.Shape.Any(d => d == 0 || d < -1))
        {
            problems.Add($"input must be NCHW with 4 dimensions, each positive or -1 (got {input.Layout} [{string.Join(",", input.Shape)}])");
            return;
        }

        var channels = input.Colour == ColourOrder.Gray ? 1 : 3;
        if (input.Shape[1] != channels)
        {
            problems.Add($"input.colour {input.Colour.ToString().ToLowerInvariant()} needs {channels} channel(s), input.shape has {input.Shape[1]}");
        }

        if (input.Resize != ResizeMode.KeepRatio && (input.Shape[2] < 1 || input.Shape[3] < 1))
        {
            problems.Add("input.resize letterbox and stretch need a fixed height and width in input.shape (use keep-ratio for dynamic sides)");
        }

        if (input.Scale is <= 0 or > 1 || input.PadValue is < 0 or > 255 || input.Stride is < 1 or > 256)
        {
            problems.Add("input.scale must be in (0, 1], input.padValue 0..255, input.stride 1..256");
        }

        if (input.Mean.Count is not 1 && input.Mean.Count != channels || input.Std.Count is not 1 && input.Std.Count != channels || input.Std.Any(s => s <= 0))
        {
            problems.Add($"input.mean and input.std need 1 or {channels} values, std positive");
        }
    }

    private static void OutputProblems(ModelManifest manifest, List<string> problems)
    {
        if (manifest.Outputs.Count == 0)
        {
            problems.Add("outputs is empty");
        }

        foreach (var output in manifest.Outputs)
        {
            var fits = manifest.Task switch
            {
                ModelTask.Classification => output.Layout is OutputLayout.Logits or OutputLayout.Probabilities,
                ModelTask.Detection => output.Layout is OutputLayout.YoloV5 or OutputLayout.YoloV8,
                ModelTask.TextDetection => output.Layout == OutputLayout.PpOcrDet,
                ModelTask.Segmentation => output.Layout == OutputLayout.Mask,
                _ => output.Layout == OutputLayout.Ctc,
            };
            if (!fits || string.IsNullOrWhiteSpace(output.Name))
            {
                problems.Add($"output '{output.Name}' with layout {output.Layout} does not fit task {manifest.Task} (classification: logits|probabilities; detection: yolov5|yolov8; text-detection: ppocr-det; text-recognition: ctc; segmentation: mask)");
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();
}
