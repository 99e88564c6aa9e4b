namespace EdgeCredit.Scenes;

/// <summary>A person walking across the floor, possibly stopping a while, as straight moves between waypoints.</summary>
/// <param name="Waypoints">(time s, x normalized of the body centre), times increasing.</param>
/// <param name="FootY">Normalized y of the feet (further down is nearer the camera).</param>
/// <param name="Height">Normalized height of the whole body.</param>
internal sealed record ScriptedPerson(int Id, IReadOnlyList<(double T, double X)> Waypoints, double FootY, double Height, int Colour)
{
    public double Enter => Waypoints[0].T;

    public double Exit => Waypoints[^1].T;

    /// <summary>Half the width the body can take (arms and legs at full swing included), as a fraction of the image width.</summary>
    public double HalfWidth(double aspect) => Height * 0.31 / aspect;

    /// <summary>The centre x at time t, or null while the person is not in the scene.</summary>
    public double? X(double t)
    {
        if (t < Enter || t > Exit)
        {
            return null;
        }

        for (var i = 1; i < Waypoints.Count; i++)
        {
            var (t0, x0) = Waypoints[i - 1];
            var (t1, x1) = Waypoints[i];
            if (t <= t1)
            {
                return t1 <= t0 ? x1 : x0 + ((x1 - x0) * (t - t0) / (t1 - t0));
            }
        }

        return Waypoints[^1].X;
    }

    /// <summary>Distance walked by time t (drives the leg swing; constant while standing).</summary>
    public double Walked(double t)
    {
        var walked = 0.0;
        for (var i = 1; i < Waypoints.Count; i++)
        {
            var (t0, x0) = Waypoints[i - 1];
            var (t1, x1) = Waypoints[i];
            var fraction = t >= t1 ? 1 : t <= t0 || t1 <= t0 ? 0 : (t - t0) / (t1 - t0);
            walked += Math.Abs(x1 - x0) * fraction;
        }

        return walked;
    }

    /// <summary>The stretches where the person stands still.</summary>
    public IEnumerable<(double Start, double End)> Pauses()
    {
        for (var i = 1; i < Waypoints.Count; i++)
        {
            if (Waypoints[i].X == Waypoints[i - 1].X && Waypoints[i].T > Waypoints[i - 1].T)
            {
                yield return (Waypoints[i - 1].T, Waypoints[i].T);
            }
        }
    }

    /// <summary>A box around everything drawn for the person at time t (the truth's region overlaps use it).</summary>
    public NormalizedRect? Box(double t, double aspect) => X(t) is { } x
        ? new NormalizedRect(x - HalfWidth(aspect), FootY - Height, x + HalfWidth(aspect), FootY + (0.04 * Height))
        : null;
}
