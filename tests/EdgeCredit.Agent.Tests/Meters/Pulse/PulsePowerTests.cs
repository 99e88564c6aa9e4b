using EdgeCredit.Agent.Meters.Pulse;

namespace EdgeCredit.Agent.Tests.Meters.Pulse;

public sealed class PulsePowerTests
{
    private const long Frequency = TimeSpan.TicksPerSecond;

    [Fact]
    public void KilowattsAt_SteadyIntervals_IsEnergyPerPulseOverInterval()
    {
        // 1000 pulses/kWh, a pulse every 0.36 s: 1 Wh per 0.36 s = 10 kW.
        var power = new PulsePower(1000, TimeSpan.FromSeconds(60), Frequency);
        power.OnPulse(S(0));
        power.OnPulse(S(0.36));

        Assert.Equal(10, power.KilowattsAt(S(0.5)), 9);
    }

    [Fact]
    public void KilowattsAt_NoPulseForLongerThanTheInterval_DecaysAsUpperBound()
    {
        var power = new PulsePower(1000, TimeSpan.FromSeconds(60), Frequency);
        power.OnPulse(S(0));
        power.OnPulse(S(0.36));

        Assert.Equal(3600.0 / (1000 * 3.6), power.KilowattsAt(S(0.36 + 3.6)), 9);
        Assert.Equal(3600.0 / (1000 * 36), power.KilowattsAt(S(0.36 + 36)), 9);
    }

    [Fact]
    public void KilowattsAt_NoPulseForZeroPowerAfter_IsZero()
    {
        var power = new PulsePower(1000, TimeSpan.FromSeconds(60), Frequency);
        power.OnPulse(S(0));
        power.OnPulse(S(1));

        Assert.True(power.KilowattsAt(S(60.9)) > 0);
        Assert.Equal(0, power.KilowattsAt(S(61.1)));
    }

    [Fact]
    public void KilowattsAt_FewerThanTwoPulses_IsZero()
    {
        var power = new PulsePower(1000, TimeSpan.FromSeconds(60), Frequency);
        Assert.Equal(0, power.KilowattsAt(S(1)));

        power.OnPulse(S(2));
        Assert.Equal(0, power.KilowattsAt(S(3)));
    }

    private static long S(double seconds) => (long)Math.Round(seconds * Frequency);
}
