namespace EdgeCredit.Scenes;

/// <summary>Global brightness over time: slow drift, light banks switching (Steps: from Time on, brightness is Level times the drift), and per-frame flicker jitter.</summary>
internal sealed record LightingPlan(
    int Seed,
    double DriftAmplitude,
    double DriftPeriodSeconds,
    double DriftPhase,
    IReadOnlyList<(double Time, double Level)> Steps,
    double FlickerAmplitude,
    double BeatHz)
{
    /// <summary>Multiplier of the scene's brightness at frame <paramref name="frame"/> (time <paramref name="t"/>).</summary>
    public double Gain(int frame, double t)
    {
        var gain = 1 + (DriftAmplitude * Math.Sin((2 * Math.PI * t / DriftPeriodSeconds) + DriftPhase));
        var level = 1.0;
        foreach (var (time, stepLevel) in Steps)
        {
            if (t >= time)
            {
                level = stepLevel;
            }
        }

        gain *= level;

        var flicker = (FlickerAmplitude * Hashing.Gaussian(Seed, 11, frame)) + (0.5 * FlickerAmplitude * Math.Sin(2 * Math.PI * BeatHz * t));
        return gain * (1 + flicker);
    }
}
