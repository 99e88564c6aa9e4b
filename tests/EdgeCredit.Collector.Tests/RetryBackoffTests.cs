using EdgeCredit.Collector.TimeSeries;

namespace EdgeCredit.Collector.Tests;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Fact]
    public void Next_AnyAttempt_StaysBetweenMinAndMax()
    {
        for (var attempt = 1; attempt <= 100; attempt++)
        {
            var delay = RetryBackoff.Next(attempt, Min, Max, null);
            Assert.InRange(delay, Min, Max);
        }
    }

    [Fact]
    public void Next_LaterAttempts_ReachTheUpperHalfOfMax()
    {
        var delays = Enumerable.Range(0, 50).Select(_ => RetryBackoff.Next(20, Min, Max, null)).ToList();

        Assert.All(delays, d => Assert.InRange(d, Max / 2, Max));
        Assert.True(delays.Distinct().Count() > 1, "jitter spreads the retries");
    }

    [Fact]
    public void Next_RetryAfterLongerThanBackoff_WaitsRetryAfter()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), RetryBackoff.Next(1, Min, Max, TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public void Next_RetryAfterShorterThanMin_WaitsAtLeastMin()
    {
        Assert.InRange(RetryBackoff.Next(1, Min, Max, TimeSpan.Zero), Min, Max);
    }
}
