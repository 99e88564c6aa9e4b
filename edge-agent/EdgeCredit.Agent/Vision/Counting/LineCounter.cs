namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>
/// Counts tracks crossing a conveyor's counting line. A track's side is only taken when its centre is clearly off the
/// line (more than a margin of a sixth of its box size, at least 1.5 px): a box jittering on the line has no side and
/// cannot flip. A crossing is a change from one definite side to the other, in the configured direction, by a track
/// with at least <c>minHits</c> detections; each track counts at most once, so a box that goes back and forth, or
/// stops on the line, counts once at most. A centre that stays inside the margin but more than a third of it past the
/// line, across from its last definite side, for <see cref="SettleObservations"/> observations in a row has crossed
/// too: a belt that stops with an item a pixel past the line would otherwise count it only when the belt moves again,
/// minutes later, in another window (traced on tune seed 1635: 1.3 px past, 22 s late). A centre closer than that is
/// left alone: the detector cannot tell a few tenths of a pixel (tune seed 1739: 0.3 px "past" while the item had not
/// crossed, counted 6.5 s early). A box flickering either side of the line never stays on one.
/// </summary>
internal sealed class LineCounter(CountingLine line, CountDirection direction, int minHits)
{
    /// <summary>Observations in a row a centre must stay just past the line (inside the margin) to have crossed it.</summary>
    public const int SettleObservations = 5;

    private readonly Dictionary<int, (int Side, bool Counted, int Past)> _state = [];

    public CountingLine Line { get; } = line;

    /// <summary>Looks at the tracks seen in a frame; returns how many crossed the line in it.</summary>
    public int Observe(IEnumerable<Track> tracks, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var crossed = 0;
        foreach (var track in tracks)
        {
            var box = track.Box;
            var distance = Line.Side(box.CenterX, box.CenterY, width, height);
            var margin = Math.Max(1.5, Math.Min(box.Width, box.Height) / 6);
            var side = distance > margin ? 1 : distance < -margin ? -1 : 0;
            var (last, counted, past) = _state.GetValueOrDefault(track.Id);
            if (side == 0)
            {
                // On the line: only a centre that stays past it, across from its last side, settles on the far side.
                past = last != 0 && -last * distance > margin / 3 ? past + 1 : 0;
                if (past < SettleObservations)
                {
                    if (last != 0)
                    {
                        _state[track.Id] = (last, counted, past);
                    }

                    continue;
                }

                side = -last;
            }

            if (last != 0 && side != last && !counted && track.Hits >= minHits)
            {
                var forward = last > 0 && side < 0;
                if (direction == CountDirection.Any || (direction == CountDirection.Forward) == forward)
                {
                    counted = true;
                    crossed++;
                }
            }

            _state[track.Id] = (side, counted, 0);
        }

        return crossed;
    }

    /// <summary>Drops what was noted about tracks that ended.</summary>
    public void Forget(IReadOnlyList<Track> alive)
    {
        ArgumentNullException.ThrowIfNull(alive);
        if (_state.Count > alive.Count)
        {
            var ids = alive.Select(t => t.Id).ToHashSet();
            foreach (var id in _state.Keys.Where(id => !ids.Contains(id)).ToArray())
            {
                _state.Remove(id);
            }
        }
    }
}
