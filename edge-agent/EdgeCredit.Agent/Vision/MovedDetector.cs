using OpenCvSharp;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Compares the thumbnail's edge map with the reference's: a normalized correlation below
/// <see cref="VisionOptions.MovedCorrelation"/>, or a phase-correlation shift (OpenCV, Hanning window) of at least
/// <see cref="VisionOptions.MovedShift"/> of the width, is evidence that the camera moved (or something now blocks
/// most of the view). Edge maps divided by their mean ignore the lighting; people cover too little of the view to
/// pull the correlation that low. Owns its three <see cref="Mat"/>s, which wrap its own pinned buffers.
/// </summary>
internal sealed class MovedDetector : IDisposable
{
    private readonly SceneReference _reference;
    private readonly double _minCorrelation;
    private readonly double _maxShift;
    private readonly float[] _edges;
    private readonly Mat _referenceMat;
    private readonly Mat _currentMat;
    private readonly Mat _window;

    public MovedDetector(SceneReference reference, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        _reference = reference;
        _minCorrelation = options.MovedCorrelation;
        _maxShift = options.MovedShift * reference.Width;
        _edges = new float[reference.Pixels.Length];
        _referenceMat = Mat.FromPixelData(reference.Height, reference.Width, MatType.CV_32FC1, reference.Edges);
        _currentMat = Mat.FromPixelData(reference.Height, reference.Width, MatType.CV_32FC1, _edges);
        _window = new Mat();
        Cv2.CreateHanningWindow(_window, new Size(reference.Width, reference.Height), MatType.CV_32FC1);
    }

    public SceneReference Reference => _reference;

    /// <summary>Edge correlation and shift (pixels of the thumbnail) of the last check.</summary>
    public (double Correlation, double Shift) Last { get; private set; }

    /// <summary>Moved evidence 0..1 for a thumbnail of the reference's size (0: matches).</summary>
    public double Check(ReadOnlySpan<byte> thumbnail)
    {
        ImageMeasures.NormalizedEdges(thumbnail, _reference.Width, _reference.Height, _edges);
        var correlation = ImageMeasures.Correlation(_reference.Edges, _edges);
        var shift = Cv2.PhaseCorrelate(_referenceMat, _currentMat, _window, out var response);
        var distance = Math.Sqrt((shift.X * shift.X) + (shift.Y * shift.Y));
        Last = (correlation, distance);
        var evidence = 0.0;
        if (correlation < _minCorrelation)
        {
            evidence = Math.Clamp(1 - (correlation / _minCorrelation), 0.5, 1);
        }

        if (distance >= _maxShift && response >= 0.05)
        {
            evidence = Math.Max(evidence, Math.Clamp(distance / (2 * _maxShift), 0.5, 1));
        }

        return evidence;
    }

    public void Dispose()
    {
        _referenceMat.Dispose();
        _currentMat.Dispose();
        _window.Dispose();
    }
}
