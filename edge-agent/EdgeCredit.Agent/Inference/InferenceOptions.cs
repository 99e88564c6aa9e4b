namespace EdgeCredit.Agent.Inference;

/// <summary>Where model manifests and fetched model files are. Section <c>Inference</c>.</summary>
internal sealed class InferenceOptions
{
    public const string SectionName = "Inference";

    /// <summary>Folder with <c>&lt;name&gt;/&lt;version&gt;/model.json</c>, absolute or relative to the agent's folder (the build copies the repository's <c>models/</c> there).</summary>
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>Folder the fetch scripts of pinned-source models fill (<c>&lt;name&gt;/&lt;version&gt;/&lt;file&gt;</c>), absolute or relative to the agent's folder.</summary>
    public string CacheDirectory { get; set; } = "models-cache";

    /// <summary>
    /// Models ("name/version") verified at start in addition to those a stage names in its own options (for example
    /// <c>Detection:Model</c>): a model listed here whose checksum or shapes are wrong stops the start.
    /// </summary>
    public IList<string> Models { get; } = [];

    /// <summary><see cref="ModelsDirectory"/> as an absolute path.</summary>
    public string ModelsPath => Resolve(ModelsDirectory);

    /// <summary><see cref="CacheDirectory"/> as an absolute path.</summary>
    public string CachePath => Resolve(CacheDirectory);

    private static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path ?? string.Empty));
}
