using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// Session options for small gateways (see ENVIRONMENT.md): one intra-op and one inter-op thread, sequential execution,
/// no spinning (spinning threads on 2 cores were slower and erratic), full graph optimisation. Every session of the
/// process shares one CPU arena that grows by what is asked, not to the next power of two (with the person mask's
/// session beside the detector's, per-session arenas took the 4-camera agent's peak from 139 to 144 MiB). No memory
/// pattern (ONNX Runtime plans one per input shape, and the detector's batch of 1 to 8 crops varies): without it the
/// 4-camera agent settled at 139-140 MiB instead of 140-143 MiB after 4-5 minutes (CameraLoad/RESULTS.md, section 11).
/// </summary>
internal static class SessionFactory
{
    private static readonly Lazy<bool> SharedArena = new(() =>
    {
        using var memory = new OrtMemoryInfo(OrtMemoryInfo.allocatorCPU, OrtAllocatorType.ArenaAllocator, 0, OrtMemType.Default);
        using var arena = new OrtArenaCfg(0, 1, -1, -1); // no cap, extend by what is requested, default chunk and dead bytes
        OrtEnv.Instance().CreateAndRegisterAllocator(memory, arena);
        return true;
    });

    public static InferenceSession Open(string path)
    {
        _ = SharedArena.Value;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            EnableMemoryPattern = false,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.use_env_allocators", "1");
        return new InferenceSession(path, options);
    }
}
