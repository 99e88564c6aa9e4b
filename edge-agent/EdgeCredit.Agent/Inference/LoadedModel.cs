using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// A model that passed its checks: manifest, verified file, labels and the open <see cref="InferenceSession"/>, which
/// this object owns. ONNX Runtime allows concurrent <c>Run</c> calls on one session; the contracts that reuse pinned
/// buffers serialise their own calls.
/// </summary>
internal sealed class LoadedModel : IDisposable
{
    public LoadedModel(ModelManifest manifest, string filePath, IReadOnlyList<string> labels, InferenceSession session)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(session);
        Manifest = manifest;
        FilePath = filePath;
        Labels = labels;
        Session = session;
    }

    public ModelManifest Manifest { get; }

    /// <summary>The verified .onnx file.</summary>
    public string FilePath { get; }

    public IReadOnlyList<string> Labels { get; }

    public InferenceSession Session { get; }

    public void Dispose() => Session.Dispose();
}
