namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Running / idle of one region, decided per second. Each usable frame is active (confined motion share at least
/// <see cref="RegionSettings.MotionShare"/>) or quiet; frames with no evidence (global change, a copy, a dark or
/// covered picture, passing motion and <see cref="RegionSettings.NuisanceHold"/> after it) count for neither. A
/// second is active when at least half of its usable frames are. Idle turns running when the share of active seconds
/// among the known seconds of the last <see cref="RegionSettings.EnterFor"/> reaches
/// <see cref="RegionSettings.EnterActivity"/> (and at least half of them are known); running turns idle when that share
/// over <see cref="RegionSettings.ExitFor"/> falls to <see cref="RegionSettings.ExitActivity"/>. A change is backdated
/// to where its evidence began (the first active second, or the second after the last active one), rewriting the
/// timeline, so the persistence delays do not cost accuracy. Not thread-safe (the analyzer locks).
/// </summary>
internal sealed class RegionActivity
{
    private readonly string _camera;
    private readonly (long Second, double Activity)[] _recent;
    private readonly List<RegionStateChange> _changes = [];
    private readonly int _enterSeconds;
    private readonly int _exitSeconds;
    private int _recentCount;
    private long _pendingSecond = long.MinValue;
    private int _active;
    private int _quiet;
    private int _frames;
    private DateTimeOffset _nuisanceUntil = DateTimeOffset.MinValue;

    public RegionActivity(string camera, RegionSettings settings, RegionMotion? motion, int timelineSeconds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _camera = camera;
        Settings = settings;
        Motion = motion!;
        _enterSeconds = Math.Max(1, (int)Math.Round(settings.EnterFor.TotalSeconds));
        _exitSeconds = Math.Max(1, (int)Math.Round(settings.ExitFor.TotalSeconds));
        _recent = new (long, double)[Math.Max(_enterSeconds, _exitSeconds)];
        Timeline = new SecondTimeline(timelineSeconds);
    }

    public RegionSettings Settings { get; }

    /// <summary>The region's geometry on the current frame size (set by the analyzer when the size is known).</summary>
    public RegionMotion Motion { get; set; }

    public SecondTimeline Timeline { get; }

    public bool Running { get; private set; }

    /// <summary>Adds one frame. <paramref name="usable"/> false: the camera-wide checks say this frame is no evidence.</summary>
    public void Observe(DateTimeOffset at, bool usable)
    {
        var second = at.ToUnixTimeSeconds();
        if (second != _pendingSecond)
        {
            FlushBefore(second);
            _pendingSecond = second;
        }

        _frames++;
        if (!usable)
        {
            return;
        }

        if (Settings.RejectPassingMotion && Motion.Passing)
        {
            _nuisanceUntil = at + Settings.NuisanceHold;
            return;
        }

        if (Settings.RejectPassingMotion && at < _nuisanceUntil)
        {
            return;
        }

        if (Motion.ConfinedShare >= Settings.MotionShare)
        {
            _active++;
        }
        else
        {
            _quiet++;
        }
    }

    /// <summary>Decides the pending second if it is before <paramref name="second"/>.</summary>
    public void FlushBefore(long second)
    {
        if (_pendingSecond == long.MinValue || _pendingSecond >= second || _frames == 0)
        {
            return;
        }

        var s = _pendingSecond;
        double? activity = _active + _quiet == 0 ? null : (double)_active / (_active + _quiet);
        _frames = _active = _quiet = 0;
        if (activity is { } a)
        {
            Remember(s, a);
            Decide(s);
        }

        var flags = SecondFlags.Observed;
        if (activity >= 0.5)
        {
            flags |= SecondFlags.Active;
        }

        if (Running)
        {
            flags |= SecondFlags.Running;
        }

        Timeline.Set(s, flags);
    }

    /// <summary>The flags the pending (not yet decided) second would get now, if it is in [from, to).</summary>
    public SecondFlags Provisional(long from, long to)
    {
        if (_frames == 0 || _pendingSecond < from || _pendingSecond >= to)
        {
            return SecondFlags.None;
        }

        var flags = SecondFlags.Observed;
        if (_active > 0 && _active >= _quiet)
        {
            flags |= SecondFlags.Active;
        }

        return Running ? flags | SecondFlags.Running : flags;
    }

    /// <summary>The seconds of [from, to) as decided so far, the pending second included provisionally.</summary>
    public RegionWindow Summarize(long from, long to, IReadOnlyList<RegionStateChange> changes)
    {
        var pending = Provisional(from, to);
        return new RegionWindow(
            Settings.Name,
            Settings.Kind,
            Settings.ReportsRunning,
            Timeline.Count(from, to, SecondFlags.Observed) + Has(pending, SecondFlags.Observed),
            Timeline.Count(from, to, SecondFlags.Observed | SecondFlags.Running) + Has(pending, SecondFlags.Running),
            Timeline.Count(from, to, SecondFlags.Observed | SecondFlags.Active) + Has(pending, SecondFlags.Active),
            changes);
    }

    public IReadOnlyList<RegionStateChange> TakeChanges()
    {
        var changes = _changes.ToArray();
        _changes.Clear();
        return changes;
    }

    private static int Has(SecondFlags flags, SecondFlags flag) => flags != SecondFlags.None && (flags & flag) == flag ? 1 : 0;

    private void Remember(long second, double activity)
    {
        if (_recentCount == _recent.Length)
        {
            Array.Copy(_recent, 1, _recent, 0, _recent.Length - 1);
            _recentCount--;
        }

        _recent[_recentCount++] = (second, activity);
    }

    private void Decide(long second)
    {
        var span = Running ? _exitSeconds : _enterSeconds;
        var from = second - span + 1;
        int known = 0, active = 0;
        long firstActive = long.MaxValue, lastActive = long.MinValue;
        for (var i = 0; i < _recentCount; i++)
        {
            var (s, a) = _recent[i];
            if (s < from)
            {
                continue;
            }

            known++;
            if (a >= 0.5)
            {
                active++;
                firstActive = Math.Min(firstActive, s);
                lastActive = Math.Max(lastActive, s);
            }
        }

        if (known * 2 < span)
        {
            return;
        }

        var share = (double)active / known;
        if (!Running && share >= Settings.EnterActivity)
        {
            Running = true;
            Timeline.Mark(firstActive, second, SecondFlags.Running, true);
            _changes.Add(new RegionStateChange(_camera, Settings.Name, DateTimeOffset.FromUnixTimeSeconds(firstActive), true));
        }
        else if (Running && share <= Settings.ExitActivity)
        {
            Running = false;
            var stoppedAt = lastActive == long.MinValue ? from : lastActive + 1;
            Timeline.Mark(stoppedAt, second, SecondFlags.Running, false);
            _changes.Add(new RegionStateChange(_camera, Settings.Name, DateTimeOffset.FromUnixTimeSeconds(stoppedAt), false));
        }
    }
}
