using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// The detection contract over a loaded model (task <c>detection</c>, output <c>yolov5</c> or <c>yolov8</c>): grey
/// frame or crops in, boxes in frame pixels out. Several crops go into one <c>Run</c> when the model's batch dimension is
/// dynamic (<see cref="Detect(ReadOnlySpan{byte}, int, IReadOnlyList{PixelRect}, DetectionSettings)"/>), else one run
/// each. Borrows the model (the <see cref="ModelCatalogue"/> owns the session); owns its input buffer, which grows to the
/// largest batch actually used (one slot for whole frames, so a camera's detectors stay small). Calls are
/// serialised.
/// </summary>
internal sealed class ObjectDetector
{
    private readonly Lock _gate = new();
    private readonly LoadedModel _model;
    private readonly InputWriter _writer;
    private readonly ModelOutput _output;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _maxBatch;
    private float[] _input;

    public ObjectDetector(LoadedModel model, int maxBatch = 8)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Manifest.Task != ModelTask.Detection)
        {
            throw new ArgumentException($"model {model.Manifest.Reference} is a {model.Manifest.Task} model, not detection", nameof(model));
        }

        _model = model;
        _writer = new InputWriter(model.Manifest.Input);
        _output = model.Manifest.Outputs[0];
        _inputNames = [model.Manifest.Input.Name];
        _outputNames = [_output.Name];
        _maxBatch = model.Manifest.Input.DynamicBatch ? Math.Clamp(maxBatch, 1, 64) : 1;
        _input = [];
    }

    public ModelManifest Manifest => _model.Manifest;

    /// <summary>The model's labels, in output order.</summary>
    public IReadOnlyList<string> Labels => _model.Labels;

    /// <summary>Output index of <paramref name="label"/>, or -1 when the model has no such label.</summary>
    public int IndexOf(string label)
    {
        var labels = _model.Labels;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Crops per run: 1 unless the batch dimension is dynamic.</summary>
    public int MaxBatch => _maxBatch;

    /// <summary>Detects in the whole grey frame.</summary>
    public IReadOnlyList<Detection> Detect(ReadOnlySpan<byte> frame, int width, int height, DetectionSettings settings) =>
        Detect(frame, width, [new PixelRect(0, 0, width, height)], settings)[0];

    /// <summary>Detects in each crop of the grey frame (<paramref name="width"/> bytes per row); boxes are in frame pixels.</summary>
    public IReadOnlyList<IReadOnlyList<Detection>> Detect(ReadOnlySpan<byte> frame, int width, IReadOnlyList<PixelRect> crops, DetectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(crops);
        var results = new IReadOnlyList<Detection>[crops.Count];
        lock (_gate)
        {
            for (var start = 0; start < crops.Count; start += _maxBatch)
            {
                var count = Math.Min(_maxBatch, crops.Count - start);
                if (_input.Length < count * _writer.SlotLength)
                {
                    _input = new float[count * _writer.SlotLength]; // grows to the largest batch used (a whole frame: one slot, 0.4 MB at 320x320)
                }

                var boxes = new Letterbox[count];
                var slot = _writer.SlotLength;
                for (var i = 0; i < count; i++)
                {
                    boxes[i] = _writer.Write(frame, width, crops[start + i], _input.AsSpan(i * slot, slot));
                }

                RunBatch(count, boxes, settings, results.AsSpan(start, count));
            }
        }

        return results;
    }

    private void RunBatch(int count, Letterbox[] boxes, DetectionSettings settings, Span<IReadOnlyList<Detection>> results)
    {
        var input = _model.Manifest.Input;
        long[] shape = [count, input.Channels, input.Height, input.Width];
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _input.AsMemory(0, count * _writer.SlotLength), shape);
        using var run = new RunOptions();
        using var outputs = _model.Session.Run(run, _inputNames, [value], _outputNames);
        var tensor = outputs[0];
        var dims = tensor.GetTensorTypeAndShape().Shape;
        var data = tensor.GetTensorDataAsSpan<float>();
        var perImage = (int)(data.Length / count);
        var boxCount = (int)(_output.Layout == OutputLayout.YoloV5 ? dims[1] : dims[2]);
        for (var i = 0; i < count; i++)
        {
            results[i] = YoloDecoder.Decode(data.Slice(i * perImage, perImage), _output.Layout, boxCount, _model.Labels, boxes[i], settings);
        }
    }
}
