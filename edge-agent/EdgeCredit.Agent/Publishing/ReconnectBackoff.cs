using System.Diagnostics.CodeAnalysis;

namespace EdgeCredit.Agent.Publishing;

/// <summary>Exponential backoff with full jitter: attempt n waits a uniform time in [min, min(max, min·2ⁿ)].</summary>
internal sealed class ReconnectBackoff(TimeSpan minimum, TimeSpan maximum)
{
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter spreads reconnects; it protects nothing.")]
    public TimeSpan Next(int attempt)
    {
        var ceiling = minimum.TotalSeconds * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        ceiling = Math.Min(maximum.TotalSeconds, ceiling);
        return TimeSpan.FromSeconds(minimum.TotalSeconds + (Random.Shared.NextDouble() * (ceiling - minimum.TotalSeconds)));
    }
}
