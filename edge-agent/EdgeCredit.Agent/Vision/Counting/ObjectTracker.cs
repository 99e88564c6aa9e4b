using EdgeCredit.Agent.Inference;

namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>
/// A small multi-object tracker of the IoU/centroid kind (the association step of SORT without its Kalman filter):
/// each track's box is moved on by its smoothed velocity, then detections of the same label are matched greedily, best
/// first, by IoU with the predicted box (at least <c>matchIoU</c>) or, failing that, by centre distance under one box
/// size. Unmatched detections start tracks; tracks unseen for <c>timeout</c> end. The detector only runs while the
/// motion gate sees motion, so a gap of more than <see cref="StillAfter"/> between updates is time in which nothing
/// moved: it does not age the tracks (an item on a stopped belt keeps its track, and its side of the counting line,
/// until the belt moves again). Hand-written: the whole thing is ~100 lines and the known libraries are Python.
/// </summary>
internal sealed class ObjectTracker(double matchIoU, TimeSpan timeout)
{
    /// <summary>A longer gap between updates means the gate saw nothing move.</summary>
    public static readonly TimeSpan StillAfter = TimeSpan.FromSeconds(1);

    private readonly List<Track> _tracks = [];
    private int _nextId = 1;
    private DateTimeOffset? _lastUpdate;

    public IReadOnlyList<Track> Tracks => _tracks;

    /// <summary>Associates the detections of one frame; returns the tracks seen in it.</summary>
    public IReadOnlyList<Track> Update(IReadOnlyList<Detection> detections, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(detections);
        if (_lastUpdate is { } last && at - last > StillAfter)
        {
            foreach (var track in _tracks)
            {
                track.Pause(at - last - StillAfter);
            }
        }

        _lastUpdate = at;
        _tracks.RemoveAll(t => at - t.LastSeen > timeout);
        var pairs = new List<(double Score, int Track, int Detection)>();
        var predicted = _tracks.Select(t => t.Predict(at)).ToArray();
        for (var t = 0; t < _tracks.Count; t++)
        {
            for (var d = 0; d < detections.Count; d++)
            {
                if (detections[d].Label != _tracks[t].Label)
                {
                    continue;
                }

                var iou = predicted[t].IoU(detections[d]);
                if (iou >= matchIoU)
                {
                    pairs.Add((1 + iou, t, d));
                    continue;
                }

                var size = Math.Max(Math.Max(predicted[t].Width, predicted[t].Height), 1);
                var distance = Math.Sqrt(Math.Pow(predicted[t].CenterX - detections[d].CenterX, 2) + Math.Pow(predicted[t].CenterY - detections[d].CenterY, 2));
                if (distance < size)
                {
                    pairs.Add((1 - (distance / size), t, d));
                }
            }
        }

        pairs.Sort((a, b) => b.Score.CompareTo(a.Score));
        var trackUsed = new bool[_tracks.Count];
        var detectionUsed = new bool[detections.Count];
        var seen = new List<Track>();
        foreach (var (_, t, d) in pairs)
        {
            if (trackUsed[t] || detectionUsed[d])
            {
                continue;
            }

            trackUsed[t] = detectionUsed[d] = true;
            _tracks[t].Update(detections[d], at);
            seen.Add(_tracks[t]);
        }

        for (var d = 0; d < detections.Count; d++)
        {
            if (!detectionUsed[d])
            {
                var track = new Track(_nextId++, detections[d], at);
                _tracks.Add(track);
                seen.Add(track);
            }
        }

        return seen;
    }
}
