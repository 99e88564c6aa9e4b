using System.Diagnostics;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Which cells of a camera's <see cref="CellGrid"/> people cover, from a segmentation model (<c>Vision:PersonMask</c>),
/// so a worker standing at a machine hides only the body, not the machine beside the arms. Motion between two frames
/// comes from where the person was in either of them, so a cell counts as <see cref="Covered"/> when the model put a
/// person on it (probability at least <see cref="MinProbability"/>) in this frame or the previous masked one, or on a
/// neighbouring cell (one cell of margin for the model's blurred edges). Borrows the segmenter. Not thread-safe (the
/// analyzer locks).
/// </summary>
internal sealed class PeopleMask
{
    /// <summary>A cell whose person probability reaches this is covered.</summary>
    public const float MinProbability = 0.25f;

    private readonly ImageSegmenter _segmenter;
    private float[] _probabilities = [];
    private bool[] _now = [];
    private bool[] _before = [];
    private int[] _sourceOf = [];
    private CellGrid? _grid;
    private DateTimeOffset _lastAt = DateTimeOffset.MinValue;

    /// <param name="segmenter">Borrowed; the catalogue owns the model.</param>
    public PeopleMask(ImageSegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        _segmenter = segmenter;
    }

    /// <summary>Covered cells (see the class), valid for the frame given to the last <see cref="Update"/>.</summary>
    public bool[] Covered { get; private set; } = [];

    public long Runs { get; private set; }

    public TimeSpan InferenceTime { get; private set; }

    /// <summary>Runs the model on the frame and works out <see cref="Covered"/> on <paramref name="grid"/>.</summary>
    /// <param name="previousAt">The previous analysed frame's time: the previous mask counts only if it was of that frame.</param>
    public void Update(CameraFrame frame, CellGrid grid, DateTimeOffset previousAt)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(grid);
        if (!ReferenceEquals(grid, _grid))
        {
            _grid = grid;
            _now = new bool[grid.Count];
            _before = new bool[grid.Count];
            Covered = new bool[grid.Count];
            _sourceOf = [];
            _lastAt = DateTimeOffset.MinValue;
        }

        (_before, _now) = (_now, _before);
        if (_lastAt != previousAt)
        {
            Array.Clear(_before);
        }

        var started = Stopwatch.GetTimestamp();
        _segmenter.Segment(frame.Pixels, frame.Width, frame.Height, ref _probabilities);
        InferenceTime += Stopwatch.GetElapsedTime(started);
        Runs++;
        _lastAt = frame.At;
        Sample(grid);
        Dilate(grid);
    }

    /// <summary>Each cell takes the model's probability at its centre.</summary>
    private void Sample(CellGrid grid)
    {
        if (_sourceOf.Length != grid.Count)
        {
            _sourceOf = SourceOf(grid, _segmenter.Rows, _segmenter.Columns); // the output grid is fixed by the model
        }

        for (var c = 0; c < _sourceOf.Length; c++)
        {
            _now[c] = _probabilities[_sourceOf[c]] >= MinProbability;
        }
    }

    /// <summary>For each cell, the output cell under its centre.</summary>
    private static int[] SourceOf(CellGrid grid, int rows, int columns)
    {
        var map = new int[grid.Count];
        var size = grid.CellSize;
        for (var cy = 0; cy < grid.Rows; cy++)
        {
            var y = Math.Min(grid.Height - 1, (cy * size) + (size / 2));
            var gy = Math.Min(rows - 1, y * rows / grid.Height);
            for (var cx = 0; cx < grid.Columns; cx++)
            {
                var x = Math.Min(grid.Width - 1, (cx * size) + (size / 2));
                map[(cy * grid.Columns) + cx] = (gy * columns) + Math.Min(columns - 1, x * columns / grid.Width);
            }
        }

        return map;
    }

    private void Dilate(CellGrid grid)
    {
        var columns = grid.Columns;
        Array.Clear(Covered);
        for (var c = 0; c < _now.Length; c++)
        {
            if (!_now[c] && !_before[c])
            {
                continue;
            }

            var (cx, cy) = (c % columns, c / columns);
            for (var y = Math.Max(0, cy - 1); y <= Math.Min(grid.Rows - 1, cy + 1); y++)
            {
                for (var x = Math.Max(0, cx - 1); x <= Math.Min(columns - 1, cx + 1); x++)
                {
                    Covered[(y * columns) + x] = true;
                }
            }
        }
    }
}
