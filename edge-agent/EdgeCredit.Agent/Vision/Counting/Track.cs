using EdgeCredit.Agent.Inference;

namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>One tracked object: its last box, velocity (pixels per second), hits, when it was last seen, (what counters note about it, they keep themselves).</summary>
internal sealed class Track(int id, Detection box, DateTimeOffset at)
{
    public int Id { get; } = id;

    public int Label { get; } = box.Label;

    public Detection Box { get; private set; } = box;

    public DateTimeOffset FirstSeen { get; } = at;

    public DateTimeOffset LastSeen { get; private set; } = at;

    public int Hits { get; private set; } = 1;

    public double VelocityX { get; private set; }

    public double VelocityY { get; private set; }

    /// <summary>Time stood still for the track (no frame was looked at): it is as recently seen as before the pause.</summary>
    public void Pause(TimeSpan pause) => LastSeen += pause;

    /// <summary>The box moved on by the velocity to time <paramref name="at"/>.</summary>
    public Detection Predict(DateTimeOffset at)
    {
        var dt = (at - LastSeen).TotalSeconds;
        var (dx, dy) = ((float)(VelocityX * dt), (float)(VelocityY * dt));
        return Box with { X0 = Box.X0 + dx, X1 = Box.X1 + dx, Y0 = Box.Y0 + dy, Y1 = Box.Y1 + dy };
    }

    public void Update(Detection box, DateTimeOffset at)
    {
        var dt = (at - LastSeen).TotalSeconds;
        if (dt > 0)
        {
            // Smoothed velocity: boxes jitter by a pixel or two between frames.
            var vx = (box.CenterX - Box.CenterX) / dt;
            var vy = (box.CenterY - Box.CenterY) / dt;
            VelocityX = Hits == 1 ? vx : (0.6 * VelocityX) + (0.4 * vx);
            VelocityY = Hits == 1 ? vy : (0.6 * VelocityY) + (0.4 * vy);
        }

        Box = box;
        LastSeen = at;
        Hits++;
    }
}
