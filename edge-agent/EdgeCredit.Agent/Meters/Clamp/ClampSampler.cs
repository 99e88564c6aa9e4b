namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>
/// Per-second RMS of a clamp's voltage samples. Samples are grouped by UTC second; when a sample of a later second
/// arrives, the previous second completes: its mean (the DC offset of the input) is removed and
/// I_rms = AmpsPerVolt × sqrt(mean(v²) − mean(v)²). A second with fewer than <see cref="MinSamples"/> samples
/// or whose samples span less than <c>minCoverage</c> of it (the second in which sampling started, or one with a gap
/// after I2C errors) is dropped, since a partial mains cycle would bias its RMS. Pure logic, not thread-safe.
/// </summary>
internal sealed class ClampSampler(double ampsPerVolt, TimeSpan minCoverage)
{
    /// <summary>Fewest samples for a valid second (two mains cycles at 8 SPS would not be a measurement).</summary>
    public const int MinSamples = 8;

    private long _second = long.MinValue;
    private DateTimeOffset _firstAt;
    private DateTimeOffset _lastAt;
    private double _first;
    private double _sum;
    private double _sumSquares;
    private int _count;
    private bool _saturated;

    /// <summary>Adds a sample (volts at the ADC) taken at <paramref name="at"/>; returns the second it completed, if any.</summary>
    public ClampSecond? Add(DateTimeOffset at, double volts, bool saturated)
    {
        var second = at.ToUnixTimeSeconds();
        ClampSecond? completed = null;
        if (second != _second)
        {
            completed = Complete();
            _second = second;
            _firstAt = at;
            _first = volts;
            _sum = _sumSquares = 0;
            _count = 0;
            _saturated = false;
        }

        // Shifted by the first sample so that a large DC offset does not cost precision.
        var v = volts - _first;
        _sum += v;
        _sumSquares += v * v;
        _count++;
        _lastAt = at;
        _saturated |= saturated;
        return completed;
    }

    private ClampSecond? Complete()
    {
        if (_count < MinSamples || _lastAt - _firstAt < minCoverage)
        {
            return null;
        }

        var mean = _sum / _count;
        var variance = Math.Max(0, (_sumSquares / _count) - (mean * mean));
        return new ClampSecond(_second, ampsPerVolt * Math.Sqrt(variance), _count, _saturated);
    }
}
