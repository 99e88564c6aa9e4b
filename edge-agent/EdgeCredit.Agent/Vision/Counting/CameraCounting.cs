using System.Diagnostics;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;

namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>
/// Output counting and station occupancy of one camera, fed by <see cref="CameraAnalyzer"/> with each usable frame and
/// its motion cells. The detector runs only when the motion gate saw moving or foreground cells in or around a counting
/// region, at most <see cref="DetectionOptions.MaxFps"/> times a second; between runs the last people counts carry
/// (nothing moved, so nothing changed). Item detections feed one <see cref="ObjectTracker"/>; each conveyor's
/// <see cref="LineCounter"/> counts the tracks whose bottom centre is on the conveyor. Not thread-safe (the analyzer locks).
/// </summary>
internal sealed class CameraCounting
{
    /// <summary>
    /// An item box that holds this share of a better-scoring item box (or lies this much inside it) is the same item
    /// seen twice: a box around the item and a worker's foot beside it, say. Per-class NMS keeps both when the larger box
    /// is over twice the smaller's area (IoU under 0.45); two tracks then cross the line on one item (tune seed 1803,
    /// 43.0 and 43.2 s: a 24x18 box at score 0.56 around a 14x11 item at 0.50, beside a walking worker's feet).
    /// </summary>
    public const float NestedShare = 0.8f;

    private readonly DetectionOptions _options;
    private readonly ObjectDetector _detector;
    private readonly IReadOnlyList<(RegionOptions Region, NormalizedPolygon Polygon)> _regions;
    private readonly ObjectTracker _tracker;
    private readonly DetectionSettings _settings;
    private readonly TimeSpan _interval;
    private readonly int _capacity;
    private readonly List<int> _gated = [];
    private RegionCounter[] _counters = [];
    private bool[][] _gateCells = [];
    private PixelRect[] _crops = [];
    private int _itemLabel = -1;
    private int _personLabel = -1;
    private int[] _people = [];
    private int[] _counted = [];
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;
    private int _width;
    private int _height;

    /// <param name="detector">Borrowed; the catalogue owns the model.</param>
    public CameraCounting(IReadOnlyList<(RegionOptions Region, NormalizedPolygon Polygon)> regions, DetectionOptions options, ObjectDetector detector, int timelineSeconds)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(detector);
        _regions = [.. regions.Where(r => r.Region.Kind is RegionKind.Conveyor or RegionKind.Station)];
        _options = options;
        _detector = detector;
        _tracker = new ObjectTracker(options.MatchIoU, options.TrackTimeout);
        _settings = new DetectionSettings((float)options.MinScore, (float)options.NmsIoU);
        _interval = TimeSpan.FromSeconds(1 / options.MaxFps);
        _capacity = timelineSeconds;
    }

    /// <summary>True when the camera has a conveyor or station region to count in.</summary>
    public bool HasRegions => _regions.Count > 0;

    /// <summary>Detector runs so far, and the time they took (for the benchmarks).</summary>
    public long Runs { get; private set; }

    public TimeSpan InferenceTime { get; private set; }

    /// <summary>Runs whose detections came from the analyzer's person finder on the same frame (no inference of their own).</summary>
    public long Shared { get; private set; }

    /// <summary>The last detections (frame pixels), for traces and the evaluation.</summary>
    public IReadOnlyList<Detection> LastDetections { get; private set; } = [];

    public IReadOnlyList<RegionCounter> Counters => _counters;

    public void Build(CellGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        (_width, _height) = (grid.Width, grid.Height);
        _itemLabel = _detector.IndexOf(_options.ItemLabel);
        _personLabel = _detector.IndexOf(_options.PersonLabel);
        _counters = new RegionCounter[_regions.Count];
        _gateCells = new bool[_regions.Count][];
        _crops = new PixelRect[_regions.Count];
        _people = new int[_regions.Count];
        _counted = new int[_regions.Count];
        for (var i = 0; i < _regions.Count; i++)
        {
            var (region, polygon) = _regions[i];
            var mask = PolygonRaster.Mask(polygon, _width, _height);
            LineCounter? line = null;
            if (region.Kind == RegionKind.Conveyor)
            {
                _options.Regions.TryGetValue(region.Name, out var settings);
                var counting = settings is { Line.Length: > 0 } && CountingLine.TryParse(settings.Line, out var parsed, out _)
                    ? parsed!
                    : MiddleLine(polygon);
                line = new LineCounter(counting, settings?.Direction ?? CountDirection.Any, _options.MinHits);
            }

            _counters[i] = new RegionCounter(region.Name, region.Kind, mask, _width, _options.OccupiedAfter, _options.FreeAfter, line, _capacity);
            var box = Bounds(polygon);
            var cell = grid.CellSize;
            var up = region.Kind == RegionKind.Conveyor ? Math.Max(box.Height, 4 * cell) : 2 * cell;
            var gate = new PixelRect(box.X - (2 * cell), box.Y - up, box.Width + (4 * cell), box.Height + up + (2 * cell)).Clip(_width, _height);
            _gateCells[i] = new bool[grid.Count];
            for (var y = gate.Y; y < gate.Bottom; y += cell)
            {
                for (var x = gate.X; x < gate.Right; x += cell)
                {
                    _gateCells[i][((y / cell) * grid.Columns) + grid.ColumnOf[x]] = true;
                }
            }

            _crops[i] = new PixelRect(box.X - (box.Width / 2), box.Y - box.Height, box.Width * 2, box.Height * 2).Clip(_width, _height);
        }
    }

    /// <summary>
    /// One frame. <paramref name="blobs"/> is null when the frame is no evidence (not usable): nothing is observed.
    /// <paramref name="detected"/>: what the same model with the same thresholds already found in this whole frame (the
    /// analyzer's <see cref="PersonFinder"/>), used instead of a second run unless counting detects in crops.
    /// </summary>
    public void Observe(CameraFrame frame, MotionBlobs? blobs, IReadOnlyList<Detection>? detected = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (blobs is null || _counters.Length == 0)
        {
            return;
        }

        // Per frame: the gated regions and the counts go into buffers made once in Build.
        Gate(blobs);
        Array.Clear(_counted);
        if (_gated.Count > 0 && frame.At - _lastRun >= _interval)
        {
            _lastRun = frame.At;
            Detect(frame, _gated, _counted, _options.CropRegions ? null : detected);
        }

        for (var i = 0; i < _counters.Length; i++)
        {
            _counters[i].Observe(frame.At, _counters[i].Kind == RegionKind.Station ? _people[i] : 0, _counted[i]);
        }
    }

    /// <summary>Withdraws what the seconds [from, to) observed and counted (they were a replay): they become unobserved.</summary>
    public void Forget(long from, long to)
    {
        foreach (var counter in _counters)
        {
            counter.Forget(from, to);
        }
    }

    public IReadOnlyList<CountingWindow> Collect(long from, long to) => [.. _counters.Select(c => c.Collect(from, to))];

    /// <summary>Fills <see cref="_gated"/> with the regions whose gate area has a moving or foreground cell.</summary>
    private void Gate(MotionBlobs blobs)
    {
        _gated.Clear();
        for (var i = 0; i < _counters.Length; i++)
        {
            var cells = _gateCells[i];
            for (var k = 0; k < blobs.MovingCount; k++)
            {
                if (cells[blobs.MovingCells[k]])
                {
                    _gated.Add(i);
                    break;
                }
            }
        }
    }

    private void Detect(CameraFrame frame, List<int> gated, int[] counted, IReadOnlyList<Detection>? detected)
    {
        var started = Stopwatch.GetTimestamp();
        List<Detection> found;
        if (detected is not null)
        {
            found = [.. detected];
            Shared++;
        }
        else if (_options.CropRegions)
        {
            var crops = gated.Select(i => _crops[i]).ToArray();
            found = YoloDecoder.Suppress([.. _detector.Detect(frame.Pixels, frame.Width, crops, _settings).SelectMany(d => d)], _settings);
        }
        else
        {
            found = [.. _detector.Detect(frame.Pixels, frame.Width, frame.Height, _settings)];
        }

        InferenceTime += Stopwatch.GetElapsedTime(started);
        Runs++;
        LastDetections = found;
        var seen = _tracker.Update(Unnested(found, _itemLabel), frame.At);
        foreach (var i in gated)
        {
            var counter = _counters[i];
            if (counter.Kind == RegionKind.Station)
            {
                _people[i] = found.Count(d => d.Label == _personLabel && (counter.Contains(d.CenterX, d.Y1 - 1) || counter.Contains(d.CenterX, d.CenterY)));
            }
            else
            {
                counted[i] = counter.Line!.Observe(seen.Where(t => counter.Contains(t.Box.CenterX, t.Box.Y1 - 1) || counter.Contains(t.Box.CenterX, t.Box.CenterY)), _width, _height);
                counter.Line.Forget(_tracker.Tracks);
            }
        }
    }

    /// <summary>The boxes of <paramref name="label"/>, best score first, without those nested in a better one (<see cref="NestedShare"/>).</summary>
    internal static List<Detection> Unnested(IReadOnlyList<Detection> found, int label) =>
        YoloDecoder.Suppress([.. found.Where(d => d.Label == label)], (kept, box) => kept.IoSmaller(box) >= NestedShare);

    /// <summary>A vertical line through the middle of the region's bounding box, top to bottom.</summary>
    private static CountingLine MiddleLine(NormalizedPolygon polygon)
    {
        var x = (polygon.Points.Min(p => p.X) + polygon.Points.Max(p => p.X)) / 2;
        return new CountingLine(x, polygon.Points.Min(p => p.Y), x, polygon.Points.Max(p => p.Y));
    }

    private PixelRect Bounds(NormalizedPolygon polygon)
    {
        var points = polygon.ToPixels(_width, _height);
        var (x0, y0) = (points.Min(p => p.X), points.Min(p => p.Y));
        return new PixelRect(x0, y0, points.Max(p => p.X) - x0 + 1, points.Max(p => p.Y) - y0 + 1);
    }
}
