using EdgeCredit.Agent.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Publishing;

public sealed class TokenBucketTests
{
    [Fact]
    public void TryTake_BurstThenRefill_RateHolds()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(5, 5, time);

        var burst = Enumerable.Range(0, 10).Count(_ => bucket.TryTake() == TimeSpan.Zero);
        Assert.Equal(5, burst);
        Assert.Equal(TimeSpan.FromSeconds(0.2), bucket.TryTake());

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5, Enumerable.Range(0, 10).Count(_ => bucket.TryTake() == TimeSpan.Zero));
    }

    [Fact]
    public void Next_Attempts_StayBetweenMinAndMax()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

        for (var attempt = 0; attempt < 40; attempt++)
        {
            var delay = backoff.Next(attempt);
            Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt))));
        }
    }
}
