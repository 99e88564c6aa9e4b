using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>
/// Per-second evidence of one conveyor or station region and its windows. Stations decide occupancy per second with a
/// hysteresis: a run of <c>occupiedAfter</c> present seconds makes the station occupied from the run's first second
/// (backdated); a run of <c>freeAfter</c> absent seconds frees it from the run's first second; shorter gaps stay
/// occupied. A second is present when a person was in the station on at least half of its usable frames. Seconds
/// without a usable frame are neither.
/// </summary>
internal sealed class RegionCounter
{
    private readonly SecondRing<SecondEvidence> _seconds;
    private readonly int _enter;
    private readonly int _exit;
    private long _current = long.MinValue;
    private SecondEvidence _pending;
    private bool _occupied;
    private readonly List<long> _run = [];

    public RegionCounter(string name, RegionKind kind, byte[] mask, int width, TimeSpan occupiedAfter, TimeSpan freeAfter, LineCounter? line, int capacity)
    {
        ArgumentNullException.ThrowIfNull(mask);
        Name = name;
        Kind = kind;
        Mask = mask;
        Width = width;
        Line = line;
        _enter = Math.Max(1, (int)Math.Ceiling(occupiedAfter.TotalSeconds));
        _exit = Math.Max(1, (int)Math.Ceiling(freeAfter.TotalSeconds));
        _seconds = new SecondRing<SecondEvidence>(capacity);
    }

    public string Name { get; }

    public RegionKind Kind { get; }

    /// <summary>1 inside the region's polygon, per pixel of the frame.</summary>
    public byte[] Mask { get; }

    public int Width { get; }

    /// <summary>The counting line of a conveyor; null for a station.</summary>
    public LineCounter? Line { get; }

    /// <summary>Items counted since start (all windows).</summary>
    public long Total { get; private set; }

    /// <summary>True when the point (frame pixels) is inside the region.</summary>
    public bool Contains(double x, double y)
    {
        var (px, py) = ((int)x, (int)y);
        var height = Mask.Length / Width;
        return px >= 0 && py >= 0 && px < Width && py < height && Mask[(py * Width) + px] != 0;
    }

    /// <summary>One usable frame: the people in the station (stations) and the items that crossed (conveyors).</summary>
    public void Observe(DateTimeOffset at, int people, int counted)
    {
        var second = at.ToUnixTimeSeconds();
        if (second != _current)
        {
            Flush();
            _current = second;
            _pending = default;
        }

        _pending.Frames++;
        _pending.PresentFrames += people > 0 ? 1 : 0;
        _pending.PeopleSum += people;
        _pending.Counted += counted;
        Total += counted;
    }

    /// <summary>Withdraws the seconds [from, to): their frames and counts are forgotten, and they become unobserved.</summary>
    public void Forget(long from, long to)
    {
        for (var s = from; s < to; s++)
        {
            if (s == _current)
            {
                Total -= _pending.Counted;
                _pending = default;
            }
            else if (_seconds.Has(s))
            {
                Total -= _seconds.Get(s).Counted;
                _seconds.Set(s, default);
            }
        }
    }

    public CountingWindow Collect(long from, long to)
    {
        var (observed, count, occupied, people) = (0, 0, 0, 0.0);
        for (var s = from; s < to; s++)
        {
            var evidence = s == _current ? _pending with { Occupied = _occupied || (_pending.Present && _enter == 1) } : _seconds.Get(s);
            if (evidence.Frames == 0)
            {
                continue;
            }

            observed++;
            count += evidence.Counted;
            occupied += evidence.Occupied ? 1 : 0;
            people += evidence.People;
        }

        return new CountingWindow(Name, Kind, observed, count, occupied, observed == 0 ? 0 : people / observed);
    }

    private void Flush()
    {
        if (_current == long.MinValue)
        {
            return;
        }

        var present = _pending.Present;
        _seconds.Set(_current, _pending with { Occupied = _occupied });
        if (present == _occupied)
        {
            _run.Clear();
            return;
        }

        _run.Add(_current);
        if (_run.Count >= (_occupied ? _exit : _enter))
        {
            _occupied = !_occupied;
            foreach (var s in _run)
            {
                _seconds.Set(s, _seconds.Get(s) with { Occupied = _occupied });
            }

            _run.Clear();
        }
    }
}
