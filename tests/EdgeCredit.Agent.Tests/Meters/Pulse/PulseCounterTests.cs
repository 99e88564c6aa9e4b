using EdgeCredit.Agent.Meters.Pulse;

namespace EdgeCredit.Agent.Tests.Meters.Pulse;

public sealed class PulseCounterTests
{
    private const long Frequency = TimeSpan.TicksPerSecond;
    private static readonly TimeSpan MinWidth = TimeSpan.FromMilliseconds(2);

    [Fact]
    public void OnLevel_CleanPulse_CountedAtFallingEdgeWithItsStartTime()
    {
        var counter = Started();

        Assert.False(counter.OnLevel(true, Ms(10)));
        Assert.True(counter.OnLevel(false, Ms(15)));

        Assert.Equal(1, counter.Pulses);
        Assert.Equal(Ms(10), counter.LastPulseAt);
    }

    [Fact]
    public void OnLevel_PulseShorterThanMinWidth_Rejected()
    {
        var counter = Started();

        counter.OnLevel(true, Ms(10));
        counter.OnLevel(false, Ms(11.9));
        counter.Poll(Ms(100));

        Assert.Equal(0, counter.Pulses);
        Assert.Equal(1, counter.Rejected);
    }

    [Fact]
    public void OnLevel_BounceOnRisingAndFallingEdges_OnePulse()
    {
        var counter = Started();

        // Rising edge with bounce: H L H L H within 0.4 ms, held 5 ms, then falling with bounce: L H L H L.
        double[] rising = [10, 10.1, 10.15, 10.3, 10.4];
        double[] falling = [15.4, 15.45, 15.6, 15.62, 15.7];
        var counted = 0;
        for (var i = 0; i < rising.Length; i++)
        {
            counted += counter.OnLevel(i % 2 == 0, Ms(rising[i])) ? 1 : 0;
        }

        for (var i = 0; i < falling.Length; i++)
        {
            counted += counter.OnLevel(i % 2 != 0, Ms(falling[i])) ? 1 : 0;
        }

        counter.Poll(Ms(30));

        Assert.Equal(1, counted);
        Assert.Equal(1, counter.Pulses);
        Assert.Equal(Ms(10.4), counter.LastPulseAt);
    }

    [Fact]
    public void OnLevel_GapShorterThanMinWidth_DoesNotSplitThePulse()
    {
        var counter = Started();

        counter.OnLevel(true, Ms(10));
        counter.OnLevel(false, Ms(15));
        counter.OnLevel(true, Ms(16)); // 1 ms dropout inside a long pulse
        counter.OnLevel(false, Ms(25));
        counter.Poll(Ms(40));

        Assert.Equal(1, counter.Pulses);
    }

    [Fact]
    public void Poll_ActiveLevelHeldMinWidth_CountsBeforeTheFallingEdge()
    {
        var counter = Started();
        counter.OnLevel(true, Ms(10));

        Assert.False(counter.Poll(Ms(11)));
        Assert.True(counter.Poll(Ms(12)));
        Assert.False(counter.OnLevel(false, Ms(50)));

        Assert.Equal(1, counter.Pulses);
    }

    [Fact]
    public void Start_ActiveAtStart_NotCountedAgain()
    {
        var counter = new PulseCounter(MinWidth, Frequency);
        counter.Start(active: true, Ms(0));

        counter.OnLevel(false, Ms(20));
        counter.OnLevel(true, Ms(40));
        counter.OnLevel(false, Ms(50));

        Assert.Equal(1, counter.Pulses);
    }

    [Fact]
    public void OnLevel_RepeatedLevel_Ignored()
    {
        var counter = Started();

        counter.OnLevel(true, Ms(10));
        counter.OnLevel(true, Ms(11));
        counter.OnLevel(false, Ms(13));

        Assert.Equal(1, counter.Pulses);
        Assert.Equal(Ms(10), counter.LastPulseAt);
    }

    private static PulseCounter Started()
    {
        var counter = new PulseCounter(MinWidth, Frequency);
        counter.Start(active: false, 0);
        return counter;
    }

    private static long Ms(double milliseconds) => (long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond);
}
