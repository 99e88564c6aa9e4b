using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Meters.State;

/// <summary>
/// The machine-state ONNX model (see <c>models/machine-state/MODEL_CARD.md</c>): input <c>power</c> float32 [N, 32]
/// (samples oldest first, divided by the machine's running level) and <c>levels</c> float32 [N, 2] (idle level and
/// off threshold divided by the running level); output <c>state</c> float32 [N, 3], probabilities of off, idle and
/// running for the newest sample. Owns its <see cref="InferenceSession"/> and the pinned input and output tensors,
/// which every call reuses (one intra-op thread, spinning off). Calls are serialised with a lock.
/// </summary>
internal sealed class MachineStateModel : IDisposable
{
    /// <summary>Samples per window.</summary>
    public const int Window = 32;

    private static readonly string[] InputNames = ["power", "levels"];
    private static readonly string[] OutputNames = ["state"];

    private readonly Lock _gate = new();
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly float[] _power = new float[Window];
    private readonly float[] _levels = new float[2];
    private readonly float[] _state = new float[3];
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[] _outputs;
    private bool _disposed;

    public MachineStateModel(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = Resolve(path);
        _session = Open(Path);
        _inputs =
        [
            OrtValue.CreateTensorValueFromMemory(_power, [1, Window]),
            OrtValue.CreateTensorValueFromMemory(_levels, [1, 2]),
        ];
        _outputs = [OrtValue.CreateTensorValueFromMemory(_state, [1, 3])];
    }

    /// <summary>The resolved model file.</summary>
    public string Path { get; }

    /// <summary>A relative path is relative to the agent's folder (<see cref="AppContext.BaseDirectory"/>).</summary>
    public static string Resolve(string path) =>
        System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(AppContext.BaseDirectory, path ?? string.Empty));

    /// <summary>Loads the model and checks its inputs and outputs; null when it is usable, otherwise what is wrong.</summary>
    public static string? Check(string path)
    {
        try
        {
            using var session = Open(Resolve(path));
            var inputs = session.InputMetadata;
            var output = session.OutputMetadata;
            if (!inputs.TryGetValue("power", out var power) || power.Dimensions.Length != 2 || power.Dimensions[1] != Window
                || !inputs.TryGetValue("levels", out var levels) || levels.Dimensions.Length != 2 || levels.Dimensions[1] != 2
                || !output.TryGetValue("state", out var state) || state.Dimensions.Length != 2 || state.Dimensions[1] != 3)
            {
                return $"expected inputs power [N,{Window}] and levels [N,2] and output state [N,3]";
            }

            return null;
        }
        catch (OnnxRuntimeException ex)
        {
            return ex.Message.ReplaceLineEndings(" ");
        }
    }

    /// <summary>
    /// Classifies the newest sample of <paramref name="window"/> (exactly <see cref="Window"/> normalised samples,
    /// oldest first) given the normalised idle level and off threshold.
    /// </summary>
    public StatePrediction Predict(ReadOnlySpan<float> window, float idleLevel, float offLevel)
    {
        if (window.Length != Window)
        {
            throw new ArgumentException($"a window holds {Window} samples, got {window.Length}", nameof(window));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            window.CopyTo(_power);
            _levels[0] = idleLevel;
            _levels[1] = offLevel;
            _session.Run(_run, InputNames, _inputs, OutputNames, _outputs);
            var best = 0;
            for (var i = 1; i < _state.Length; i++)
            {
                if (_state[i] > _state[best])
                {
                    best = i;
                }
            }

            return new StatePrediction((MachineState)best, _state[best]);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var value in _inputs.Concat(_outputs))
            {
                value.Dispose();
            }

            _run.Dispose();
            _session.Dispose();
        }
    }

    private static InferenceSession Open(string path)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return new InferenceSession(path, options);
    }
}
