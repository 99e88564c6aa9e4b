using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Compares the thumbnail's edge map with the reference's, tile by tile (4 × 3 tiles): the median tile correlation
/// below <see cref="VisionOptions.MovedCorrelation"/> is evidence that the camera moved; a phase-correlation shift of the
/// whole map (OpenCV, Hanning window) of at least <see cref="VisionOptions.MovedShift"/> of the width raises its
/// confidence but is no evidence on its own (a running conveyor's moving slats pull the phase correlation). Edge
/// maps divided by their mean ignore the lighting; the median ignores the few tiles a person or a running machine
/// changes. Owns its three <see cref="Mat"/>s (their own memory; the edge maps are copied in on every check).
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
        _scratch = new float[reference.Pixels.Length];
        _referenceMat = new Mat(reference.Height, reference.Width, MatType.CV_32FC1);
        _currentMat = new Mat(reference.Height, reference.Width, MatType.CV_32FC1);
        _window = new Mat();
        Cv2.CreateHanningWindow(_window, new Size(reference.Width, reference.Height), MatType.CV_32FC1);
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
        // Both maps are copied in on every check: PhaseCorrelate applies the window to its inputs in place when
        // they need no padding, so a Mat kept across calls would fade a little more each time.
        Marshal.Copy(_reference.Edges, 0, _referenceMat.Data, _reference.Edges.Length);
        Marshal.Copy(_edges, 0, _currentMat.Data, _edges.Length);
        var shift = Cv2.PhaseCorrelate(_referenceMat, _currentMat, _window, out var response);
        var distance = Math.Sqrt((shift.X * shift.X) + (shift.Y * shift.Y));
        Last = (correlation, distance, response);
        // The tile correlation decides: a moved camera decorrelates most tiles' edges (0.2-0.35 measured, against
        // 0.5-1 on normal footage). The phase shift alone is no evidence: a running conveyor's slats are a strong
        // periodic edge pattern that moves, and phase correlation locks onto it. It only raises the confidence.
        if (correlation >= _minCorrelation)
        {
            return 0;
        }

        var evidence = Math.Clamp(1 - (correlation / _minCorrelation), 0.5, 1);
        if (distance >= _maxShift && response >= 0.1)
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
