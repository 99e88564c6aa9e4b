namespace EdgeCredit.Agent.Publishing;

/// <summary>A token bucket on an injected clock: <paramref name="ratePerSecond"/> tokens a second, holding at most <paramref name="capacity"/>.</summary>
internal sealed class TokenBucket(double ratePerSecond, double capacity, TimeProvider time)
{
    private readonly double _rate = ratePerSecond > 0 ? ratePerSecond : throw new ArgumentOutOfRangeException(nameof(ratePerSecond));
    private readonly double _capacity = Math.Max(1, capacity);
    private double _tokens = Math.Max(1, capacity);
    private long _last = time.GetTimestamp();

    /// <summary>Takes a token and returns zero, or returns how long until one is available.</summary>
    public TimeSpan TryTake()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * _rate));
        _last = now;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return TimeSpan.Zero;
        }

        return TimeSpan.FromSeconds((1 - _tokens) / _rate);
    }
}
