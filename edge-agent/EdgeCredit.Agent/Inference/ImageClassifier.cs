using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// The classification contract over a loaded model (task <c>classification</c>, output <c>logits</c> or
/// <c>probabilities</c>): crops of a grey frame in, the top-k labels with probabilities out (softmax applied to logits).
/// Batches crops in one run when the batch dimension is dynamic. Borrows the model; calls are serialised.
/// </summary>
internal sealed class ImageClassifier
{
    private readonly Lock _gate = new();
    private readonly LoadedModel _model;
    private readonly InputWriter _writer;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly bool _logits;
    private readonly int _maxBatch;
    private readonly float[] _input;

    public ImageClassifier(LoadedModel model, int maxBatch = 8)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Manifest.Task != ModelTask.Classification)
        {
            throw new ArgumentException($"model {model.Manifest.Reference} is a {model.Manifest.Task} model, not classification", nameof(model));
        }

        _model = model;
        _writer = new InputWriter(model.Manifest.Input);
        _inputNames = [model.Manifest.Input.Name];
        _outputNames = [model.Manifest.Outputs[0].Name];
        _logits = model.Manifest.Outputs[0].Layout == OutputLayout.Logits;
        _maxBatch = model.Manifest.Input.DynamicBatch ? Math.Clamp(maxBatch, 1, 64) : 1;
        _input = new float[_writer.SlotLength * _maxBatch];
    }

    /// <summary>The <paramref name="top"/> most probable labels of each crop, best first.</summary>
    public IReadOnlyList<IReadOnlyList<Classification>> Classify(ReadOnlySpan<byte> frame, int width, IReadOnlyList<PixelRect> crops, int top = 1)
    {
        ArgumentNullException.ThrowIfNull(crops);
        var results = new IReadOnlyList<Classification>[crops.Count];
        var labels = _model.Labels;
        lock (_gate)
        {
            for (var start = 0; start < crops.Count; start += _maxBatch)
            {
                var count = Math.Min(_maxBatch, crops.Count - start);
                var slot = _writer.SlotLength;
                for (var i = 0; i < count; i++)
                {
                    _writer.Write(frame, width, crops[start + i], _input.AsSpan(i * slot, slot));
                }

                var input = _model.Manifest.Input;
                using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _input.AsMemory(0, count * slot), [count, input.Channels, input.Height, input.Width]);
                using var run = new RunOptions();
                using var outputs = _model.Session.Run(run, _inputNames, [value], _outputNames);
                var data = outputs[0].GetTensorDataAsSpan<float>();
                for (var i = 0; i < count; i++)
                {
                    var scores = data.Slice(i * labels.Count, labels.Count).ToArray();
                    if (_logits)
                    {
                        Softmax(scores);
                    }

                    results[start + i] = [.. scores.Select((p, k) => new Classification(k, labels[k], p)).OrderByDescending(c => c.Probability).Take(top)];
                }
            }
        }

        return results;
    }

    /// <summary>In place, numerically stable.</summary>
    public static void Softmax(Span<float> values)
    {
        var max = float.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Exp(values[i] - max);
            sum += values[i];
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(values[i] / sum);
        }
    }
}
