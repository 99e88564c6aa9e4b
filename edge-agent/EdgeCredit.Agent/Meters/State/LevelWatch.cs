namespace EdgeCredit.Agent.Meters.State;

/// <summary>
/// Watches a calibrated machine for power that settles far above its learned running level (a machine rebuilt, or
/// levels learned from standby and idle only). Counts in blocks of <see cref="BlockSamples"/> samples; a block with
/// more than <see cref="MaxHighShare"/> of its samples above <see cref="HighFactor"/> × running asks for
/// recommissioning. Short start-up spikes stay far below that share.
/// </summary>
internal struct LevelWatch
{
    public const double HighFactor = 2;
    public const double MaxHighShare = 0.1;
    public const int BlockSamples = 600;

    private int _samples;
    private int _high;

    /// <summary>Adds a sample; true when the block just completed shows the levels no longer fit.</summary>
    public bool Add(double kilowatts, double runningKw)
    {
        _high += kilowatts > HighFactor * runningKw ? 1 : 0;
        if (++_samples < BlockSamples)
        {
            return false;
        }

        var drifted = _high > MaxHighShare * BlockSamples;
        _samples = 0;
        _high = 0;
        return drifted;
    }
}
