using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision.Counting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Analyses one camera's frames: the motion pass (<see cref="MotionField"/>, privacy masks blanked first), blobs,
/// every region's activity and the camera's health, and keeps per-second timelines (the last
/// <see cref="TimelineSeconds"/>) that windows are summed from. <see cref="Process"/> runs on the camera's loop;
/// <see cref="Collect"/> and the Take methods may be called from any thread.
/// </summary>
internal sealed class CameraAnalyzer : IDisposable
{
    public const int TimelineSeconds = 7200;

    private readonly Lock _lock = new();
    private readonly CameraOptions _camera;
    private readonly VisionOptions _options;
    private readonly SceneReference? _reference;
    private readonly Action<SceneReference>? _referenceAdopted;
    private readonly ILogger _logger;
    private readonly List<RegionActivity> _regions = [];
    private readonly List<NormalizedPolygon> _polygons = [];
    private readonly List<NormalizedPolygon> _privacy = [];
    private readonly SecondTimeline _health = new(TimelineSeconds);
    private readonly ChangeJournal<CameraConditionRecord> _conditions = new();
    private readonly ChangeJournal<RegionStateChange> _states = new();
    private MotionField? _motion;
    private MotionBlobs? _blobs;
    private CellBackground? _background;
    private CameraHealthMonitor? _monitor;
    private long _pendingSecond = long.MinValue;
    private DateTimeOffset _lastUsableAt = DateTimeOffset.MinValue;
    private bool _pendingHealthy;
    private DateTimeOffset? _offlineSince;
    private bool _pictureUsable;
    private CameraCounting? _counting;

    /// <param name="referenceAdopted">Called on the camera's loop with a reference adopted without commissioning (to persist it).</param>
    public CameraAnalyzer(CameraOptions camera, VisionOptions options, SceneReference? reference, ILogger? logger = null, Action<SceneReference>? referenceAdopted = null)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? NullLogger.Instance;
        _camera = camera;
        _options = options;
        _reference = reference;
        _referenceAdopted = referenceAdopted;
        foreach (var region in camera.Regions)
        {
            if (!NormalizedPolygon.TryParse(region.Polygon, out var polygon, out var problem))
            {
                throw new ArgumentException($"Camera {camera.Name}, region {region.Name}: {problem}.", nameof(camera));
            }

            _polygons.Add(polygon!);
            _regions.Add(new RegionActivity(camera.Name, RegionSettings.For(region.Name, region.Kind, options), null, TimelineSeconds));
        }

        foreach (var mask in camera.PrivacyMasks)
        {
            if (!NormalizedPolygon.TryParse(mask, out var polygon, out var problem))
            {
                throw new ArgumentException($"Camera {camera.Name}, privacy mask '{mask}': {problem}.", nameof(camera));
            }

            _privacy.Add(polygon!);
        }
    }

    public string Camera => _camera.Name;

    public IReadOnlyList<RegionActivity> Regions => _regions;

    /// <summary>
    /// Output counting and station occupancy (conveyor and station regions) with a detector; set before the first
    /// frame. Null: none (the camera's windows then carry no counts).
    /// </summary>
    public CameraCounting? Counting
    {
        get => _counting;
        set
        {
            if (_motion is not null)
            {
                throw new InvalidOperationException("counting must be set before the first frame");
            }

            _counting = value;
        }
    }

    /// <summary>People found by a detector hide what is behind them from the regions that reject passers (null: motion blobs alone).</summary>
    public PersonFinder? People { get; set; }

    /// <summary>
    /// The cells people cover, from the person-mask model (<c>Vision:PersonMask</c>), or null: then the cells under each
    /// person's box are hidden for the finder's hold. Needs <see cref="People"/> (the mask counts only inside their boxes).
    /// </summary>
    public PeopleMask? Mask { get; set; }

    /// <summary>The health monitor, once the first frame has fixed the frame size.</summary>
    public CameraHealthMonitor? Monitor => _monitor;

    /// <summary>
    /// A replayed second's activity (share of active frames) against the second it copies: at 5 fps a share moves in
    /// steps of 0.2, and a copy cut in a frame or two off its original moves by up to two of them.
    /// </summary>
    private const double CopyTolerance = 0.4;

    /// <summary>Analyses one frame (its pixels are blanked in place under the privacy masks). Does not dispose it.</summary>
    public void Process(CameraFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_motion is null || _motion.Grid.Width != frame.Width || _motion.Grid.Height != frame.Height)
        {
            Build(frame.Width, frame.Height);
        }

        var pixels = frame.Pixels;
        var measures = _motion!.Process(pixels);
        _monitor!.Thumbnail.Update(pixels);
        lock (_lock)
        {
            var picture = _monitor.Observe(frame.At, measures);
            if (_monitor.Replay is { } replay)
            {
                // A loop was found: the picture was a replay since its first pass began, and is no evidence from here.
                ForgetReplay(FirstPass(replay.From.ToUnixTimeSeconds(), (long)Math.Round(replay.Period.TotalSeconds)), frame.At.ToUnixTimeSeconds());
            }
            else if (!picture && _pictureUsable)
            {
                // Blind or frozen from here: decide what the spans could not yet, after the seconds before this frame's,
                // whose frames have all come. A picture going blind got there through frames that are no evidence either
                // (a cover sliding in): this second's are dropped. A frozen picture's last live frames are kept.
                SettleRegions(frame.At.ToUnixTimeSeconds(), dropPending: _monitor.Blind);
            }

            _pictureUsable = picture;
            var usable = picture && !measures.GlobalChange && !measures.First;
            if (usable)
            {
                _background!.Update(_monitor.Thumbnail.Pixels, _motion.CellCounts);
                _blobs!.Label(_motion.CellCounts, _background.Foreground);
            }

            var second = frame.At.ToUnixTimeSeconds();
            var looked = false;
            if (usable && Mask is not null && People is not null)
            {
                // Whether people are near is known from the last frame's passers and boxes; this frame's mask then hides their bodies only.
                looked = NeedPeople() && People.Look(frame);
                var known = KnownPeople(frame.At);
                bool[]? covered = null;
                if (known is not null)
                {
                    Mask.Update(frame, _motion.Grid, _lastUsableAt);
                    covered = Mask.Covered;
                }

                EvaluateRegions(frame.At, known, covered);
                if (looked)
                {
                    // Regions that do not mask people (conveyors) hide each person's box, as without the mask.
                    foreach (var region in _regions)
                    {
                        if (region.Motion.MasksPeople)
                        {
                            continue;
                        }

                        region.Motion.HidePeople(People.People, frame.At, People.Hold);
                        region.Motion.Evaluate(_blobs!, _motion.CellCounts, frame.At, region.Running);
                    }
                }
            }
            else if (usable)
            {
                EvaluateRegions(frame.At);
                if (People is not null && NeedPeople() && People.Look(frame))
                {
                    foreach (var region in _regions)
                    {
                        region.Motion.HidePeople(People.People, frame.At, People.Hold);
                    }

                    EvaluateRegions(frame.At); // again, with what the people hide
                    looked = true;
                }
            }

            if (usable)
            {
                foreach (var region in _regions)
                {
                    region.Motion.LearnPart(_blobs!, region.Running);
                }

                _lastUsableAt = frame.At;
            }

            foreach (var region in _regions)
            {
                region.Observe(frame.At, usable);
                TakeRegionChanges(region);
            }

            _counting?.Observe(frame, usable ? _blobs : null, looked ? People!.Found : null);

            if (second != _pendingSecond)
            {
                FlushHealth();
                _pendingSecond = second;
            }

            if (_monitor.AdoptedReference)
            {
                VisionLog.ReferenceAdopted(_logger, Camera, frame.At);
                _referenceAdopted?.Invoke(_monitor.Reference!);
            }

            foreach (var change in _monitor.TakeChanges())
            {
                if (change.Until is null)
                {
                    _health.Mark(change.Since.ToUnixTimeSeconds(), second, SecondFlags.Healthy, false);
                }

                Record(change);
            }

            _pendingHealthy = _monitor.Healthy;
        }
    }

    /// <summary>A link change from the capture stage: offline time counts as known and unhealthy.</summary>
    public void SetLink(CameraLinkChange change)
    {
        lock (_lock)
        {
            if (change.State == CameraLinkState.Offline)
            {
                if (_offlineSince is null)
                {
                    // No frame of the second the link dropped in (or before) will come now: decide it, then settle on it.
                    SettleRegions(change.At.ToUnixTimeSeconds() + 1, dropPending: false);
                }

                _offlineSince ??= change.At;
            }
            else if (change.State == CameraLinkState.Streaming && _offlineSince is { } since)
            {
                _health.Add(since.ToUnixTimeSeconds(), change.At.ToUnixTimeSeconds(), SecondFlags.Offline);
                _offlineSince = null;
            }

            if (_monitor is null)
            {
                return;
            }

            _monitor.SetLink(change);
            foreach (var record in _monitor.TakeChanges())
            {
                Record(record);
            }
        }
    }

    /// <summary>The window [start, end) as analysed so far.</summary>
    public CameraWindow Collect(DateTimeOffset start, DateTimeOffset end)
    {
        var from = start.ToUnixTimeSeconds();
        var to = end.ToUnixTimeSeconds();
        lock (_lock)
        {
            if (_offlineSince is { } since)
            {
                _health.Add(Math.Max(from, since.ToUnixTimeSeconds()), to, SecondFlags.Offline);
            }

            var regions = _regions.Select(r => r.Summarize(from, to, [.. _states.Recent.Where(c => c.Region == r.Settings.Name && c.At >= start && c.At < end)])).ToArray();
            var pendingIn = _pendingSecond >= from && _pendingSecond < to;
            var observed = _health.Count(from, to, SecondFlags.Observed) + (pendingIn ? 1 : 0);
            var offlineOnly = _health.Count(from, to, SecondFlags.Offline) - _health.Count(from, to, SecondFlags.Offline | SecondFlags.Observed);
            var healthy = _health.Count(from, to, SecondFlags.Observed | SecondFlags.Healthy) + (pendingIn && _pendingHealthy ? 1 : 0);
            var conditions = _conditions.Recent.Where(c => c.Since < end && (c.Until is null || c.Until > start))
                .Concat(_monitor?.Active ?? [])
                .DistinctBy(c => (c.Condition, c.Since))
                .ToArray();
            return new CameraWindow(Camera, start, end, regions, observed + offlineOnly, healthy, conditions, _counting?.Collect(from, to) ?? []);
        }
    }

    /// <summary>Region state changes since the last call.</summary>
    public IReadOnlyList<RegionStateChange> TakeStateChanges()
    {
        lock (_lock)
        {
            return _states.Take();
        }
    }

    /// <summary>Conditions that started (Until null) or ended since the last call: the tamper events.</summary>
    public IReadOnlyList<CameraConditionRecord> TakeConditionChanges()
    {
        lock (_lock)
        {
            return _conditions.Take();
        }
    }

    public void Dispose() => _monitor?.Dispose();

    private void Record(CameraConditionRecord change)
    {
        if (change.Until is null)
        {
            VisionLog.ConditionStarted(_logger, Camera, change.Condition, change.Since, change.Confidence);
        }
        else
        {
            VisionLog.ConditionEnded(_logger, Camera, change.Condition, change.Until, change.Since);
        }

        _conditions.Add(change);
    }

    /// <summary>
    /// The evidence stops before second <paramref name="end"/>: each region decides its pending second if it lies before
    /// it (no frame of it can come), or forgets that second's evidence so far (<paramref name="dropPending"/>), then
    /// decides its tail on the known seconds (see <see cref="RegionActivity.Settle"/>).
    /// </summary>
    private void SettleRegions(long end, bool dropPending)
    {
        foreach (var region in _regions)
        {
            region.FlushBefore(end);
            if (dropPending)
            {
                region.DropPending();
            }

            region.Settle(end);
            TakeRegionChanges(region);
        }
    }

    /// <summary>
    /// Where the replay found repeating from second <paramref name="repeat"/> began. Its first pass copies the period
    /// before it, which the regions saw live, but re-encoded it often matches what it copies only roughly: it can be
    /// told from the regions' activity. Going back from the repeat, a second whose activity in every region is within
    /// <see cref="CopyTolerance"/> of the activity a period earlier (where both are known, in one region at least) was
    /// replayed, at most one period back; the first second that differs, or that nothing can be compared in, ends it.
    /// </summary>
    private long FirstPass(long repeat, long period)
    {
        var first = repeat;
        for (var t = repeat - 1; period > 0 && t >= repeat - period; t--)
        {
            var compared = false;
            foreach (var region in _regions)
            {
                if (region.ActivityAt(t) is not { } now || region.ActivityAt(t - period) is not { } then)
                {
                    continue;
                }

                if (Math.Abs(now - then) > CopyTolerance)
                {
                    return first;
                }

                compared = true;
            }

            if (!compared)
            {
                return first; // nothing to tell a copy by (every region hidden, or the period older than what is kept)
            }

            first = t;
        }

        return first;
    }

    /// <summary>
    /// Seconds [<paramref name="from"/>, <paramref name="to"/>) were a replay: the regions go back to the live evidence
    /// before it (<see cref="RegionActivity.Rewind"/>) and the counts made from it are withdrawn.
    /// </summary>
    private void ForgetReplay(long from, long to)
    {
        foreach (var region in _regions)
        {
            region.Rewind(from, to);
            TakeRegionChanges(region);
        }

        _counting?.Forget(from, to + 1);
    }

    /// <summary>
    /// The detector looks for people while a region that rejects passers sees one coming in, and for as long as the
    /// last look found someone at such a region (a worker who stopped inside it no longer reaches outside).
    /// </summary>
    private bool NeedPeople()
    {
        foreach (var region in _regions)
        {
            if (!region.Settings.RejectPassingMotion)
            {
                continue;
            }

            if (region.Motion.Passing)
            {
                return true;
            }

            foreach (var person in People!.People)
            {
                if (region.Motion.Covers(person))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The people the detector's last look found, while that look is recent (within the finder's hold).</summary>
    private IReadOnlyList<Inference.Detection>? KnownPeople(DateTimeOffset at) =>
        People is { People.Count: > 0 } finder && at - finder.FoundAt <= finder.Hold ? finder.People : null;

    private void EvaluateRegions(DateTimeOffset at, IReadOnlyList<Inference.Detection>? people = null, bool[]? covered = null)
    {
        foreach (var region in _regions)
        {
            region.Motion.Evaluate(_blobs!, _motion!.CellCounts, at, region.Running, people, covered);
        }
    }

    private void TakeRegionChanges(RegionActivity region)
    {
        foreach (var change in region.TakeChanges())
        {
            VisionLog.RegionChanged(_logger, Camera, change.Region, change.Running ? "running" : "idle", change.At);
            _states.Add(change);
        }
    }

    private void FlushHealth()
    {
        if (_pendingSecond == long.MinValue)
        {
            return;
        }

        var flags = _health.Get(_pendingSecond) | SecondFlags.Observed;
        _health.Set(_pendingSecond, _pendingHealthy ? flags | SecondFlags.Healthy : flags & ~SecondFlags.Healthy);
    }

    private void Build(int width, int height)
    {
        _monitor?.Dispose();
        _motion = new MotionField(width, height, _privacy, _options);
        _blobs = new MotionBlobs(_motion.Grid);
        _monitor = new CameraHealthMonitor(Camera, width, height, _camera.AnalysisFps, _options, _reference);
        _background = new CellBackground(_motion.Grid, _monitor.Thumbnail.ThumbWidth, _monitor.Thumbnail.ThumbHeight, _camera.AnalysisFps);
        if (_reference is not null && _monitor.Reference is null)
        {
            VisionLog.ReferenceSizeMismatch(_logger, Camera, _reference.Width, _reference.Height, _monitor.Thumbnail.ThumbWidth, _monitor.Thumbnail.ThumbHeight);
        }
        var masks = _polygons.Select(p => PolygonRaster.Mask(p, width, height)).ToArray();
        for (var i = 0; i < _regions.Count; i++)
        {
            var settings = _regions[i].Settings;
            _regions[i].Motion = new RegionMotion(_motion.Grid, _motion.Grid.Coverage(masks[i]), settings.Kind, settings.NuisanceHold);
        }

        // Each region knows what the others claim: a passer merged with their motion does not reach outside through it.
        for (var i = 0; i < _regions.Count; i++)
        {
            var claimed = new bool[_motion.Grid.Count];
            for (var c = 0; c < claimed.Length; c++)
            {
                for (var j = 0; j < _regions.Count && !claimed[c]; j++)
                {
                    claimed[c] = j != i && _regions[j].Motion.Claims(c);
                }
            }

            _regions[i].Motion.SetNeighbours(claimed);
        }

        _counting?.Build(_motion.Grid);
    }
}
