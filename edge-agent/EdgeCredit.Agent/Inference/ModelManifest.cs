using System.Text.Json.Serialization;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// A model's manifest (settable properties: System.Text.Json source generation would reset unset init-only ones to default), <c>models/&lt;name&gt;/&lt;version&gt;/model.json</c> (schema <c>edgecredit.model/1</c>, documented in
/// <c>models/README.md</c>): what the model does, where its file is (<see cref="File"/> beside the manifest, or a pinned
/// <see cref="Source"/> fetched into the cache), the SHA-256 the file must have, and the input and output contracts the
/// agent checks against the real model at start.
/// </summary>
internal sealed record ModelManifest
{
    public const string SchemaId = "edgecredit.model/1";

    public string Schema { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Version { get; set; } = string.Empty;

    public ModelTask Task { get; set; }

    /// <summary>The .onnx file, relative to the manifest's folder; exclusive with <see cref="Source"/>.</summary>
    public string? File { get; set; }

    /// <summary>A pinned package the file is fetched from by a script; exclusive with <see cref="File"/>.</summary>
    public ModelSource? Source { get; set; }

    /// <summary>SHA-256 of the .onnx file, 64 lower-case hex digits.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public ModelInput Input { get; set; } = new();

    public IReadOnlyList<ModelOutput> Outputs { get; set; } = [];

    /// <summary>Labels in output order, inline; or <see cref="LabelsFile"/>.</summary>
    public IReadOnlyList<string>? Labels { get; set; }

    /// <summary>A text file with one label per line, relative to the manifest's folder (or, with a source, inside the package like the model).</summary>
    public string? LabelsFile { get; set; }

    /// <summary>The model card (markdown), relative to the manifest's folder.</summary>
    public string Card { get; set; } = string.Empty;

    /// <summary>Licence of the model file (SPDX id or a short phrase).</summary>
    public string? Licence { get; set; }

    /// <summary>"name/version", how configuration refers to the model.</summary>
    [JsonIgnore]
    public string Reference => $"{Name}/{Version}";
}
