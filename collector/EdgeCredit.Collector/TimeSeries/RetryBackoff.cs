using System.Security.Cryptography;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>
/// Pause before retry <c>attempt</c> (1 = first retry): RetryMin doubled per attempt up to RetryMax, with jitter
/// between half and the whole of that (never below RetryMin), so collectors do not retry in step. A server's
/// Retry-After wins when it asks for longer.
/// </summary>
internal static class RetryBackoff
{
    public static TimeSpan Next(int attempt, TimeSpan min, TimeSpan max, TimeSpan? retryAfter)
    {
        var shift = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(max.Ticks, min.Ticks * (1L << Math.Min(shift, 20)));
        var half = ceiling / 2;
        var jittered = half + (long)(RandomNumberGenerator.GetInt32(1_000_001) / 1_000_000.0 * (ceiling - half));
        var delay = TimeSpan.FromTicks(Math.Clamp(jittered, min.Ticks, max.Ticks));
        return retryAfter is { } after && after > delay ? after : delay;
    }
}
