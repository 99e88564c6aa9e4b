using Microsoft.ML.OnnxRuntime;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// The segmentation contract over a loaded model (task <c>segmentation</c>, output <c>mask</c>): a whole grey frame in,
/// fitted to the model's fixed input as its manifest says, and out the probability of the model's label for each cell of
/// the output grid (<see cref="Rows"/> x <see cref="Columns"/>, row-major), each cell covering the same share of the frame.
/// Borrows the model (the <see cref="ModelCatalogue"/> owns the session); owns its buffers. Calls are serialised.
/// </summary>
internal sealed class ImageSegmenter
{
    private readonly Lock _gate = new();
    private readonly LoadedModel _model;
    private readonly InputWriter _writer;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly float[] _input;
    private readonly long[] _shape;

    public ImageSegmenter(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Manifest.Task != ModelTask.Segmentation)
        {
            throw new ArgumentException($"model {model.Manifest.Reference} is a {model.Manifest.Task} model, not segmentation", nameof(model));
        }

        var input = model.Manifest.Input;
        if (input.Height <= 0 || input.Width <= 0)
        {
            throw new ArgumentException($"model {model.Manifest.Reference}: a segmentation model needs a fixed input height and width, not {input.Height}x{input.Width}", nameof(model));
        }

        _model = model;
        _writer = new InputWriter(input);
        _inputNames = [input.Name];
        _outputNames = [model.Manifest.Outputs[0].Name];
        _input = new float[_writer.SlotLength];
        _shape = [1, input.Channels, input.Height, input.Width];
    }

    /// <summary>Rows of the last output grid (0 before the first run).</summary>
    public int Rows { get; private set; }

    /// <summary>Columns of the last output grid (0 before the first run).</summary>
    public int Columns { get; private set; }

    /// <summary>
    /// Runs the model on the whole frame and writes the grid's probabilities into <paramref name="probabilities"/>
    /// (resized to Rows x Columns when it is not).
    /// </summary>
    public void Segment(ReadOnlySpan<byte> frame, int width, int height, ref float[] probabilities)
    {
        lock (_gate)
        {
            _writer.Write(frame, width, new PixelRect(0, 0, width, height), _input);
            using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, _input.AsMemory(), _shape);
            using var run = new RunOptions();
            using var outputs = _model.Session.Run(run, _inputNames, [value], _outputNames);
            var shape = outputs[0].GetTensorTypeAndShape().Shape;
            if (shape.Length != 4 || shape[1] != 1)
            {
                throw new InvalidDataException($"model {_model.Manifest.Reference}: output '{_outputNames[0]}' has shape [{string.Join(", ", shape)}], the mask layout is [N, 1, H, W]");
            }

            Rows = (int)shape[2];
            Columns = (int)shape[3];
            var data = outputs[0].GetTensorDataAsSpan<float>();
            if (probabilities.Length != Rows * Columns)
            {
                probabilities = new float[Rows * Columns];
            }

            data[..(Rows * Columns)].CopyTo(probabilities);
        }
    }
}
