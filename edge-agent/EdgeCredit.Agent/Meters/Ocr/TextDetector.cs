using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// PP-OCRv4 text detection (DB): input <c>x</c> float32 [1, 3, H, W] with H and W multiples of 32, ImageNet
/// normalisation ((x/255 − mean) / std per channel); output [1, 1, H, W], the probability that a pixel is text.
/// The region image (grey) is scaled so that its longer side is <see cref="Side"/> pixels. Owns its session
/// (or borrows it: see the constructor). Not thread-safe: one reader calls it.
/// </summary>
internal sealed class TextDetector : IDisposable
{
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    private readonly InferenceSession _session;
    private readonly bool _ownsSession;
    private readonly string _input;
    private readonly RunOptions _run = new();

    /// <param name="session">The detection session.</param>
    /// <param name="side">Longer side of the detector's input in pixels (rounded to a multiple of 32).</param>
    /// <param name="ownsSession">True: disposing this disposes the session.</param>
    public TextDetector(InferenceSession session, int side, bool ownsSession)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 64);
        _session = session;
        _ownsSession = ownsSession;
        _input = session.InputNames[0];
        Side = side;
    }

    public int Side { get; }

    /// <summary>Text boxes of a grey image, in its pixel coordinates.</summary>
    public IReadOnlyList<TextBox> Detect(Mat grey)
    {
        ArgumentNullException.ThrowIfNull(grey);
        var scale = (double)Side / Math.Max(grey.Width, grey.Height);
        var width = Math.Max(32, (int)Math.Round(grey.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(grey.Height * scale / 32) * 32);
        using var resized = new Mat();
        Cv2.Resize(grey, resized, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        var plane = width * height;
        var input = new float[3 * plane];
        resized.GetArray(out byte[] pixels);
        for (var c = 0; c < 3; c++)
        {
            var offset = c * plane;
            var mean = Mean[c];
            var std = Std[c];
            for (var i = 0; i < plane; i++)
            {
                input[offset + i] = ((pixels[i] / 255f) - mean) / std;
            }
        }

        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, height, width]);
        using var outputs = _session.Run(_run, [_input], [tensor], _session.OutputNames);
        var map = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        return DbPostProcessor.FindBoxes(map, width, height, (float)grey.Width / width, (float)grey.Height / height);
    }

    public void Dispose()
    {
        _run.Dispose();
        if (_ownsSession)
        {
            _session.Dispose();
        }
    }
}
