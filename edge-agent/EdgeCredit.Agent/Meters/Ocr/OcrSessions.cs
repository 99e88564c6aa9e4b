using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Opens the OCR sessions the way small gateways want them: one intra-op thread, one inter-op thread, sequential,
/// spinning off. A stop-gap until the shared model catalogue (branch <c>models-runtime</c>) replaces it.
/// </summary>
internal static class OcrSessions
{
    public static InferenceSession Open(string path)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return new InferenceSession(path, options);
    }
}
