using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// Session options for small gateways (see ENVIRONMENT.md): one intra-op and one inter-op thread, sequential execution,
/// no spinning (spinning threads on 2 cores were slower and erratic), full graph optimisation.
/// </summary>
internal static class SessionFactory
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
