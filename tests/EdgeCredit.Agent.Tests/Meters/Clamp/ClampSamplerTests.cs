using EdgeCredit.Agent.Meters.Clamp;

namespace EdgeCredit.Agent.Tests.Meters.Clamp;

public sealed class ClampSamplerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_SineWithDcOffset_RmsOfTheAcPartTimesRatio()
    {
        var sampler = new ClampSampler(ampsPerVolt: 30, TimeSpan.FromSeconds(0.9));
        ClampSecond? second = null;
        for (var i = 0; i <= 1000; i++)
        {
            var t = i / 1000.0;
            second ??= sampler.Add(Start.AddSeconds(t), 2.5 + (0.5 * Math.Sqrt(2) * Math.Sin(2 * Math.PI * 50 * t)), saturated: false);
        }

        Assert.NotNull(second);
        Assert.Equal(15, second.Value.RmsAmps, 6);
        Assert.Equal(1000, second.Value.Samples);
        Assert.Equal(Start.ToUnixTimeSeconds(), second.Value.UnixSecond);
    }

    [Fact]
    public void Add_TooFewSamplesInASecond_NoReading()
    {
        var sampler = new ClampSampler(30, TimeSpan.FromSeconds(0.9));
        for (var i = 0; i < ClampSampler.MinSamples - 1; i++)
        {
            sampler.Add(Start.AddMilliseconds(i * 160), 0.1 * i, false);
        }

        Assert.Null(sampler.Add(Start.AddSeconds(1), 0, false));
    }

    [Fact]
    public void Add_SamplingStartedLateInTheSecond_PartialSecondDropped()
    {
        var sampler = new ClampSampler(30, TimeSpan.FromSeconds(0.9));
        for (var i = 0; i < 100; i++)
        {
            sampler.Add(Start.AddMilliseconds(950 + (i * 0.5)), Math.Sin(i), false);
        }

        Assert.Null(sampler.Add(Start.AddSeconds(1), 0, false));
    }

    [Fact]
    public void Add_OneSaturatedSample_SecondFlagged()
    {
        var sampler = new ClampSampler(30, TimeSpan.FromSeconds(0.9));
        for (var i = 0; i < 100; i++)
        {
            sampler.Add(Start.AddMilliseconds(i * 10), 0.1, saturated: i == 50);
        }

        Assert.True(sampler.Add(Start.AddSeconds(1), 0, false)!.Value.Saturated);
    }
}
