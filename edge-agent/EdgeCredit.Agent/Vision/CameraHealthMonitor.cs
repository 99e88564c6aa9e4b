using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Health and tamper conditions of one camera, per frame (see <see cref="CameraCondition"/> and <c>Vision/README.md</c>):
/// dark and covered from the luminance statistics, frozen from exact copies of the previous frame, defocused and
/// moved against the <see cref="SceneReference"/> (the commissioning one, else one adopted after
/// <see cref="VisionOptions.AutoReferenceAfter"/> of healthy picture), looped from <see cref="LoopDetector"/>, offline
/// from the capture link. Conditions are persistent (<see cref="ConditionTracker"/>). Not thread-safe.
/// </summary>
internal sealed class CameraHealthMonitor : IDisposable
{
    /// <summary>Side of the thumbnail blocks whose flatness says how much of the lens is covered (10 px: 16 x 9 blocks at 160 wide).</summary>
    private const int FlatBlock = 10;

    private static readonly TimeSpan MovedCheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan EvidenceGap = TimeSpan.FromSeconds(2.5);

    private readonly string _camera;
    private readonly VisionOptions _options;
    private readonly ConditionTracker[] _trackers;
    private readonly LoopDetector _loop;
    private readonly List<CameraConditionRecord> _changes = [];
    private MovedDetector? _moved;
    private DateTimeOffset? _firstFrame;
    private DateTimeOffset _nextMovedCheck = DateTimeOffset.MinValue;

    public CameraHealthMonitor(string camera, int width, int height, double framesPerSecond, VisionOptions options, SceneReference? reference)
    {
        ArgumentNullException.ThrowIfNull(options);
        _camera = camera;
        _options = options;
        Thumbnail = new Thumbnail(width, height);
        _loop = new LoopDetector(Thumbnail, width, height, framesPerSecond, options);
        _trackers = new ConditionTracker[Enum.GetValues<CameraCondition>().Length];
        foreach (var condition in Enum.GetValues<CameraCondition>())
        {
            _trackers[(int)condition] = condition == CameraCondition.Frozen
                ? new ConditionTracker(camera, condition, options.FrozenFor, TimeSpan.Zero, TimeSpan.Zero)
                : new ConditionTracker(camera, condition, options.ConfirmFor, options.ClearFor, EvidenceGap);
        }

        if (reference is not null && reference.Width == Thumbnail.ThumbWidth && reference.Height == Thumbnail.ThumbHeight)
        {
            UseReference(reference);
        }
    }

    public Thumbnail Thumbnail { get; }

    public SceneReference? Reference => _moved?.Reference;

    /// <summary>The reference was adopted automatically on the last frame (for the log).</summary>
    public bool AdoptedReference { get; private set; }

    public LoopDetector Loop => _loop;

    /// <summary>The last frame was dark or covered (not merely a copy).</summary>
    public bool Blind { get; private set; }

    /// <summary>
    /// Set on the frame that confirmed a looped picture: when the repeat began (<see cref="LoopDetector.TraceRepeat"/>),
    /// the start the condition is backdated to, and the loop's period. The frames since then were no evidence. Null
    /// otherwise.
    /// </summary>
    public (DateTimeOffset From, TimeSpan Period)? Replay { get; private set; }

    public MovedDetector? Moved => _moved;

    /// <summary>No condition is active (offline included).</summary>
    public bool Healthy
    {
        get
        {
            foreach (var tracker in _trackers)
            {
                if (tracker.IsActive)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The conditions active now.</summary>
    public IReadOnlyList<CameraConditionRecord> Active => [.. _trackers.Select(t => t.Active).OfType<CameraConditionRecord>()];

    /// <summary>
    /// Observes one frame (its thumbnail already updated from the blanked frame). Returns false when the picture is no
    /// evidence of motion (dark, covered, a copy of the previous frame, or a replay while a loop is found).
    /// </summary>
    public bool Observe(DateTimeOffset at, FrameMeasures measures)
    {
        AdoptedReference = false;
        _firstFrame ??= at;
        var dark = measures.Mean < _options.DarkLuminance ? Math.Clamp(1 - (measures.Mean / _options.DarkLuminance), 0.5, 1) : 0;
        var covered = measures.Contrast < _options.CoveredContrast ? Math.Clamp(1 - (measures.Contrast / _options.CoveredContrast), 0.5, 1) : 0;
        if (covered == 0 && dark == 0)
        {
            // Most of the lens covered: the strip of scene left lifts the whole picture's contrast, but the cover is flat.
            var flat = ImageMeasures.FlatShare(Thumbnail.Pixels, Thumbnail.ThumbWidth, Thumbnail.ThumbHeight, FlatBlock, _options.CoveredContrast);
            covered = flat >= _options.CoveredShare ? Math.Clamp((flat - _options.CoveredShare) / Math.Max(1e-9, 1 - _options.CoveredShare), 0.5, 1) : 0;
        }
        var copy = !measures.First && measures.IdenticalShare >= _options.FrozenIdenticalShare;
        var frozen = copy ? Math.Clamp((measures.IdenticalShare - _options.FrozenIdenticalShare) / Math.Max(1e-9, 1 - _options.FrozenIdenticalShare), 0.5, 1) : 0;
        Track(CameraCondition.Dark, at, dark);
        Track(CameraCondition.Covered, at, covered);
        Track(CameraCondition.Frozen, at, frozen);
        var blind = dark > 0 || covered > 0;
        Blind = blind;
        var loop = _loop.Add(Thumbnail.Pixels, measures.NoiseSigma);
        var looped = _trackers[(int)CameraCondition.Looped];
        var wasLooped = looped.IsActive;
        loop = blind || copy ? 0 : loop;
        DateTimeOffset? began = null;
        var period = TimeSpan.Zero;
        if (loop > 0 && !wasLooped)
        {
            // Where the repeat began, and how closely it copies: the smoothed evidence lags the raw copies.
            (var ago, var match, period) = _loop.TraceRepeat();
            began = at - ago;
            loop = Math.Max(loop, match);
        }

        Track(CameraCondition.Looped, at, loop, began);
        Replay = !wasLooped && looped.Active is { } replay ? (replay.Since, period) : null;

        // Defocus and moved are slow conditions: checked once a second, which keeps their cost off most frames.
        if (_moved is not null && at >= _nextMovedCheck)
        {
            _nextMovedCheck = at + MovedCheckInterval;
            var defocused = 0.0;
            if (!blind)
            {
                var limit = _options.DefocusRatio * _moved.Reference.Sharpness;
                var sharpness = ImageMeasures.NormalizedSharpness(Thumbnail.Pixels, Thumbnail.ThumbWidth, Thumbnail.ThumbHeight);
                defocused = sharpness < limit ? Math.Clamp(1 - (sharpness / limit), 0.5, 1) : 0;
            }

            Track(CameraCondition.Defocused, at, defocused);
            // A blurred picture has lost the edges the moved check compares: defocus is the condition then, not moved.
            Track(CameraCondition.Moved, at, blind || copy || defocused > 0 ? 0 : _moved.Check(Thumbnail.Pixels));
        }

        if (_moved is null && _options.AutoReferenceAfter > TimeSpan.Zero && at - _firstFrame >= _options.AutoReferenceAfter
            && !blind && !copy && loop == 0 && Healthy)
        {
            UseReference(SceneReference.FromThumbnail(Thumbnail, at));
            AdoptedReference = true;
        }

        return !blind && !copy && !looped.IsActive;
    }

    /// <summary>The capture link changed: offline starts when it goes offline and ends when it streams again.</summary>
    public void SetLink(CameraLinkChange change)
    {
        var tracker = _trackers[(int)CameraCondition.Offline];
        var record = change.State switch
        {
            CameraLinkState.Offline => tracker.Set(change.At, true),
            CameraLinkState.Streaming => tracker.Set(change.At, false),
            _ => null,
        };
        if (record is not null)
        {
            _changes.Add(record);
        }
    }

    /// <summary>Conditions that started or ended since the last call (started: <c>Until</c> null).</summary>
    public IReadOnlyList<CameraConditionRecord> TakeChanges()
    {
        var changes = _changes.ToArray();
        _changes.Clear();
        return changes;
    }

    public void Dispose() => _moved?.Dispose();

    private void UseReference(SceneReference reference)
    {
        _moved?.Dispose();
        _moved = new MovedDetector(reference, _options);
    }

    private void Track(CameraCondition condition, DateTimeOffset at, double evidence, DateTimeOffset? began = null)
    {
        if (_trackers[(int)condition].Update(at, evidence, began) is { } change)
        {
            _changes.Add(change);
        }
    }
}
