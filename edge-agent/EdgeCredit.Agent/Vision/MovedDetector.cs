using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Compares the thumbnail's edge map with the reference's, tile by tile (4 × 3 tiles): the median tile correlation
/// below <see cref="VisionOptions.MovedCorrelation"/> is evidence that the camera moved; a phase-correlation shift of the
/// whole map (OpenCV, Hanning window) of at least <see cref="VisionOptions.MovedShift"/> of the width raises its
/// confidence but is no evidence on its own (a running conveyor's moving slats pull the phase correlation). Edge
/// maps divided by their mean ignore the lighting; the median ignores the few tiles a person or a running machine
/// changes. The phase correlation runs only when the tiles already say moved (it can only raise the confidence then),
/// so OpenCV's native library is not even loaded on a camera that stays put. Owns its three <see cref="Mat"/>s, made
/// on first use (their own memory; the edge maps are copied in on every check).
/// </summary>
internal sealed class MovedDetector : IDisposable
{
    private const int TileColumns = 4;
    private const int TileRows = 3;

    private readonly SceneReference _reference;
    private readonly double _minCorrelation;
    private readonly double _maxShift;
    private readonly float[] _edges;
    private readonly float[] _scratch;
    private readonly double[] _tiles = new double[TileColumns * TileRows];
    private Mat? _referenceMat;
    private Mat? _currentMat;
    private Mat? _window;

    public MovedDetector(SceneReference reference, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        _reference = reference;
        _minCorrelation = options.MovedCorrelation;
        _maxShift = options.MovedShift * reference.Width;
        _edges = new float[reference.Pixels.Length];
        _scratch = new float[reference.Pixels.Length];
    }

    public SceneReference Reference => _reference;

    /// <summary>Median tile correlation, shift (thumbnail pixels) and phase-correlation response of the last check.</summary>
    public (double Correlation, double Shift, double Response) Last { get; private set; }

    /// <summary>Moved evidence 0..1 for a thumbnail of the reference's size (0: matches).</summary>
    public double Check(ReadOnlySpan<byte> thumbnail)
    {
        var w = _reference.Width;
        var h = _reference.Height;
        ImageMeasures.NormalizedEdges(thumbnail, w, h, _edges, _scratch);
        for (var ty = 0; ty < TileRows; ty++)
        {
            for (var tx = 0; tx < TileColumns; tx++)
            {
                _tiles[(ty * TileColumns) + tx] = ImageMeasures.Correlation(
                    _reference.Edges, _edges, w, tx * w / TileColumns, (tx + 1) * w / TileColumns, ty * h / TileRows, (ty + 1) * h / TileRows);
            }
        }

        Array.Sort(_tiles);
        var correlation = (_tiles[(_tiles.Length / 2) - 1] + _tiles[_tiles.Length / 2]) / 2;
        // The tile correlation decides: a moved camera decorrelates most tiles' edges (0.2-0.35 measured, against
        // 0.5-1 on normal footage). The phase shift alone is no evidence: a running conveyor's slats are a strong
        // periodic edge pattern that moves, and phase correlation locks onto it. It only raises the confidence.
        if (correlation >= _minCorrelation)
        {
            Last = (correlation, double.NaN, double.NaN);
            return 0;
        }

        var (distance, response) = PhaseShift();
        Last = (correlation, distance, response);
        var evidence = Math.Clamp(1 - (correlation / _minCorrelation), 0.5, 1);
        if (distance >= _maxShift && response >= 0.1)
        {
            evidence = Math.Max(evidence, Math.Clamp(distance / (2 * _maxShift), 0.5, 1));
        }

        return evidence;
    }

    public void Dispose()
    {
        _referenceMat?.Dispose();
        _currentMat?.Dispose();
        _window?.Dispose();
    }

    /// <summary>Shift of the current edge map against the reference's (pixels) and the peak's response.</summary>
    private (double Distance, double Response) PhaseShift()
    {
        var (w, h) = (_reference.Width, _reference.Height);
        _referenceMat ??= new Mat(h, w, MatType.CV_32FC1);
        _currentMat ??= new Mat(h, w, MatType.CV_32FC1);
        if (_window is null)
        {
            _window = new Mat();
            Cv2.CreateHanningWindow(_window, new Size(w, h), MatType.CV_32FC1);
        }

        // Both maps are copied in on every check: PhaseCorrelate applies the window to its inputs in place when
        // they need no padding, so a Mat kept across calls would fade a little more each time.
        Marshal.Copy(_reference.Edges, 0, _referenceMat.Data, _reference.Edges.Length);
        Marshal.Copy(_edges, 0, _currentMat.Data, _edges.Length);
        var shift = Cv2.PhaseCorrelate(_referenceMat, _currentMat, _window, out var response);
        return (Math.Sqrt((shift.X * shift.X) + (shift.Y * shift.Y)), response);
    }
}
