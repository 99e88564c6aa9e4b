namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Running / idle of one region, decided per second. Each usable frame is active (moving share of the region's visible
/// part at least <see cref="RegionSettings.MotionShare"/>, see <see cref="RegionMotion"/>) or quiet; frames with no
/// evidence (global change, a copy, a dark or covered picture, a region mostly hidden by passers) count for neither,
/// except a hidden frame in which nothing moves in a glimpse of a machine's part (<see cref="StillGlimpse"/>): quiet. A
/// second is active when at least half of its usable frames are, known when it had a usable frame. Decisions look at the
/// last known seconds only (seconds hidden by a passer are skipped, not counted as quiet), no older than
/// <see cref="StaleFactor"/> spans: idle turns running when the share of active seconds among the last
/// <see cref="RegionSettings.EnterFor"/> known seconds reaches <see cref="RegionSettings.EnterActivity"/>; running turns
/// idle when that share among the last <see cref="RegionSettings.ExitFor"/> known seconds falls to
/// <see cref="RegionSettings.ExitActivity"/>. A change is backdated to where its evidence began (the first active
/// second, or the second after the last active one; half-way into unknown seconds before it), rewriting the timeline,
/// so the persistence delays do not cost accuracy. Not thread-safe (the analyzer locks).
/// </summary>
internal sealed class RegionActivity
{
    /// <summary>Known seconds kept for the decisions and their backdating.</summary>
    private const int KnownKept = 128;

    /// <summary>Evidence older than this many spans is too stale to decide on, however few seconds were known since.</summary>
    private const int StaleFactor = 3;

    /// <summary>
    /// Consecutive known seconds of the other state that switch it when the evidence stops (<see cref="Settle"/>). One:
    /// the last second is all the evidence there will be, and a change in it was otherwise lost. On the six tune sets
    /// this took the wrong region-seconds from 17 to 12 (a start or stop in the last second before a stream ended or the
    /// picture went blind), with one new wrong second (a frozen picture's stop placed a second early).
    /// </summary>
    private const int SettleSeconds = 1;

    /// <summary>
    /// A hidden frame with a glimpse of a machine's part (<see cref="RegionMotion.Glimpse"/>) is quiet when its moving share is
    /// below this fraction of <see cref="RegionSettings.MotionShare"/>: nothing moves in what is in view. On 42 tune sets
    /// this took the wrong region-seconds from 39 to 31 (a lathe stopped behind a worker who left a seventh of its chuck in
    /// view, reported running for the 7 s the worker stayed), with one new wrong second (a stop put a second early).
    /// </summary>
    private const double StillGlimpse = 0.1;

    private readonly string _camera;
    private readonly List<Known> _known = new(KnownKept);
    private readonly List<RegionStateChange> _changes = [];
    private readonly int _enterSeconds;
    private readonly int _exitSeconds;
    private long _pendingSecond = long.MinValue;
    private bool _established;
    private int _active;
    private int _quiet;
    private int _hidden;
    private int _stirring;
    private int _frames;

    public RegionActivity(string camera, RegionSettings settings, RegionMotion? motion, int timelineSeconds)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _camera = camera;
        Settings = settings;
        Motion = motion!;
        _enterSeconds = Math.Max(1, (int)Math.Round(settings.EnterFor.TotalSeconds));
        _exitSeconds = Math.Max(1, (int)Math.Round(settings.ExitFor.TotalSeconds));
        Timeline = new SecondTimeline(timelineSeconds);
    }

    public RegionSettings Settings { get; }

    /// <summary>The region's geometry on the current frame size (set by the analyzer when the size is known).</summary>
    public RegionMotion Motion { get; set; }

    public SecondTimeline Timeline { get; }

    public bool Running { get; private set; }

    /// <summary>The pending second so far had only frames with the region hidden: its state is held, not seen.</summary>
    private bool Unseen => _active + _quiet == 0 && _hidden > 0;

    /// <summary>The pending second so far had no frame that was evidence at all.</summary>
    private bool NoEvidence => _frames > 0 && _active + _quiet + _hidden == 0;

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

        // A region that rejects passers judges its visible part; one that does not (a station, a bay) counts all its motion.
        var share = Settings.RejectPassingMotion ? Motion.ConfinedShare : Motion.TotalShare;
        if (Settings.RejectPassingMotion && Motion.Hidden)
        {
            if (Motion.Glimpse && share < Settings.MotionShare * StillGlimpse)
            {
                _quiet++; // a glimpse of the part in which nothing at all moves: the machine stands
            }
            else
            {
                _hidden++;
                _stirring += Motion.Glimpse ? 1 : 0;
            }

            return;
        }

        if (share >= Settings.MotionShare)
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
        var unseen = Unseen;
        var stirring = unseen && _stirring > 0;
        var noEvidence = NoEvidence;
        _frames = _active = _quiet = _hidden = _stirring = 0;
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

        if (unseen)
        {
            flags |= stirring ? SecondFlags.Unseen | SecondFlags.Stirring : SecondFlags.Unseen;
        }

        if (noEvidence)
        {
            flags |= SecondFlags.NoEvidence;
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

        if (Unseen)
        {
            flags |= SecondFlags.Unseen;
        }

        if (NoEvidence)
        {
            flags |= SecondFlags.NoEvidence;
        }

        return Running ? flags | SecondFlags.Running : flags;
    }

    /// <summary>
    /// The seconds of [from, to) as decided so far, the pending second included provisionally. Seconds without evidence
    /// are left out: their held state is no observation.
    /// </summary>
    public RegionWindow Summarize(long from, long to, IReadOnlyList<RegionStateChange> changes)
    {
        var pending = Provisional(from, to);
        if ((pending & SecondFlags.NoEvidence) != 0)
        {
            pending = SecondFlags.None;
        }

        return new RegionWindow(
            Settings.Name,
            Settings.Kind,
            Settings.ReportsRunning,
            WithEvidence(from, to, SecondFlags.Observed) + Has(pending, SecondFlags.Observed),
            WithEvidence(from, to, SecondFlags.Observed | SecondFlags.Running) + Has(pending, SecondFlags.Running),
            Timeline.Count(from, to, SecondFlags.Observed | SecondFlags.Active) + Has(pending, SecondFlags.Active),
            changes,
            Timeline.Count(from, to, SecondFlags.Observed | SecondFlags.Unseen) + Has(pending, SecondFlags.Unseen));
    }

    /// <summary>
    /// Forgets what the pending second's frames showed so far (the second stays observed): they led into a picture that
    /// went blind, and a cover sliding in or a hand over the lens moves across the regions like a running machine.
    /// </summary>
    public void DropPending() => _active = _quiet = _hidden = _stirring = 0;

    /// <summary>
    /// The evidence stops before second <paramref name="end"/> (the picture went blind or the camera offline): decides the
    /// tail the persistence spans could not, on the trailing known seconds alone. At least <see cref="SettleSeconds"/>
    /// consecutive known seconds of the other state switch it, backdated as usual, up to <paramref name="end"/>: the
    /// seconds held unseen after the last known one take the new state, as they do when a span decides; fewer leave the
    /// state as it is.
    /// </summary>
    public void Settle(long end)
    {
        if (_known.Count == 0)
        {
            return;
        }

        var active = _known[^1].Active;
        var run = 1;
        while (run < _known.Count && _known[^(run + 1)].Active == active)
        {
            run++;
        }

        if (run < SettleSeconds || active == Running)
        {
            return;
        }

        Switch(active, ChangeBefore(_known.Count - run, active), Math.Max(_known[^1].Second + 1, end));
    }

    /// <summary>The share of active frames in a known second still kept, or null (not known, or too old).</summary>
    public double? ActivityAt(long second)
    {
        for (var i = _known.Count - 1; i >= 0 && _known[i].Second >= second; i--)
        {
            if (_known[i].Second == second)
            {
                return _known[i].Share;
            }
        }

        return null;
    }

    /// <summary>
    /// The frames from second <paramref name="from"/> to now (<paramref name="to"/>, the pending second) were a replay,
    /// found only when it looped: forgets the known seconds and the activity seen in them, returns to the state held
    /// before <paramref name="from"/>, and settles the tail on the live seconds before it (<see cref="Settle"/>), which
    /// then holds through [from, to). A change is recorded when the state this leaves differs from the one the replay
    /// had led to (changes already recorded during the replay stay recorded: this one corrects them).
    /// </summary>
    public void Rewind(long from, long to)
    {
        var replayed = Running;
        var recorded = _changes.Count;
        _known.RemoveAll(k => k.Second >= from);
        DropPending();
        Running = (Timeline.Get(from - 1) & SecondFlags.Running) != 0;
        Timeline.Mark(from, to, SecondFlags.Active | SecondFlags.Unseen | SecondFlags.Stirring, false);
        Timeline.Mark(from, to, SecondFlags.NoEvidence, true);
        Settle(from);
        Timeline.Mark(from, to, SecondFlags.Running, Running);
        if (_changes.Count == recorded && Running != replayed)
        {
            _changes.Add(new RegionStateChange(_camera, Settings.Name, DateTimeOffset.FromUnixTimeSeconds(from), Running));
        }
    }

    public IReadOnlyList<RegionStateChange> TakeChanges()
    {
        var changes = _changes.ToArray();
        _changes.Clear();
        return changes;
    }

    /// <summary>Decided seconds of [from, to) with all of <paramref name="flags"/> that had a frame that was evidence.</summary>
    private int WithEvidence(long from, long to, SecondFlags flags) =>
        Timeline.Count(from, to, flags) - Timeline.Count(from, to, flags | SecondFlags.NoEvidence);

    private static int Has(SecondFlags flags, SecondFlags flag) => flags != SecondFlags.None && (flags & flag) == flag ? 1 : 0;

    private void Remember(long second, double activity)
    {
        if (_known.Count == KnownKept)
        {
            _known.RemoveAt(0);
        }

        _known.Add(new Known(second, activity));
    }

    private void Decide(long second)
    {
        if (!_established && Establish(second))
        {
            return;
        }

        var span = Running ? _exitSeconds : _enterSeconds;
        var oldest = second - (StaleFactor * span) + 1;
        int count = 0, active = 0, first = -1;
        for (var i = _known.Count - 1; i >= 0 && count < span; i--)
        {
            var known = _known[i];
            if (known.Second < oldest)
            {
                break;
            }

            count++;
            if (known.Active)
            {
                active++;
                first = i;
            }
        }

        if (count < span)
        {
            return;
        }

        var share = (double)active / count;
        if (!Running && share >= Settings.EnterActivity)
        {
            Switch(true, ChangeBefore(first, true), second);
        }
        else if (Running && share <= Settings.ExitActivity)
        {
            var last = _known.FindLastIndex(k => k.Active);
            var stoppedAt = last < 0 ? _known[^count].Second
                : last == _known.Count - 1 ? second
                : ChangeBefore(last + 1, false);
            Switch(false, stoppedAt, second);
        }
    }

    /// <summary>
    /// The state a stream starts in is not known: the first <see cref="SettleSeconds"/> consecutive known seconds that
    /// agree set it (running from the first of the active seconds that end in them), so a machine already running when the agent starts (or one that runs
    /// for only a few seconds after) is not reported idle while the entry span fills. Returns whether it was set now.
    /// </summary>
    private bool Establish(long second)
    {
        var count = _known.Count;
        if (count < SettleSeconds)
        {
            return false;
        }

        var active = _known[^1].Active;
        for (var i = 2; i <= SettleSeconds; i++)
        {
            if (_known[^i].Active != active)
            {
                return false;
            }
        }

        _established = true;
        if (active && !Running)
        {
            var start = count - SettleSeconds;
            while (start > 0 && _known[start - 1].Active)
            {
                start--;
            }

            Switch(true, ChangeBefore(start, true), second);
        }

        return true;
    }

    /// <summary>Switches the state from <paramref name="at"/>, rewriting the timeline's seconds [at, until), and records the change.</summary>
    private void Switch(bool running, long at, long until)
    {
        _established = true;
        Running = running;
        Timeline.Mark(at, until, SecondFlags.Running, running);
        _changes.Add(new RegionStateChange(_camera, Settings.Name, DateTimeOffset.FromUnixTimeSeconds(at), running));
    }

    /// <summary>
    /// Where a change to <paramref name="running"/> that shows first in the known second at <paramref name="index"/> is
    /// put: half-way through the unknown seconds since the known second before it (none: that second itself), which
    /// halves the expected error when a passer hid the change. Seconds in which something still moved in a glimpse of the
    /// part (<see cref="SecondFlags.Stirring"/>) narrow that stretch: a stop comes after the last of them, a start by the
    /// first.
    /// </summary>
    private long ChangeBefore(int index, bool running)
    {
        var after = _known[index].Second;
        if (index == 0)
        {
            return after;
        }

        var from = _known[index - 1].Second + 1;
        var to = after;
        for (var s = from; s < after; s++)
        {
            if ((Timeline.Get(s) & SecondFlags.Stirring) == 0)
            {
                continue;
            }

            if (running)
            {
                to = s;
                break;
            }

            from = s + 1;
        }

        return from + ((to - from) / 2);
    }

    /// <summary>A known second: the share of its usable frames that were active; it is active from half.</summary>
    private readonly record struct Known(long Second, double Share)
    {
        public bool Active => Share >= 0.5;
    }
}
