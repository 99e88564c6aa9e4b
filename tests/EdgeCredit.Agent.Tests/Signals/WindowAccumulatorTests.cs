using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Signals;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Signals;

public sealed class WindowAccumulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public void ToSignals_KnownSamples_EnergyIsIntegralAndSecondsSumToWindow()
    {
        var acc = new WindowAccumulator();
        for (var i = 0; i < 30; i++)
        {
            acc.Add(new MeterReading(10, MachineState.Running, SignalQuality.Good), OneSecond);
        }

        for (var i = 0; i < 20; i++)
        {
            acc.Add(new MeterReading(1, MachineState.Idle, SignalQuality.Good), OneSecond);
        }

        for (var i = 0; i < 10; i++)
        {
            acc.Add(new MeterReading(0, MachineState.Off, SignalQuality.Good), OneSecond);
        }

        var signals = acc.ToSignals("press-1", Start, Start.AddMinutes(1)).ToDictionary(s => s.Kind);

        Assert.Equal(Math.Round(320.0 / 3600, 6), signals[SignalKind.Energy].Value);
        Assert.Equal(Math.Round(320.0 / 60, 4), signals[SignalKind.PowerAvg].Value);
        Assert.Equal(10, signals[SignalKind.PowerPeak].Value);
        Assert.Equal(30, signals[SignalKind.RunningSeconds].Value);
        Assert.Equal(20, signals[SignalKind.IdleSeconds].Value);
        Assert.Equal(10, signals[SignalKind.OffSeconds].Value);
        Assert.All(signals.Values, s => Assert.Equal(SignalVocabulary.UnitOf(s.Kind), s.Unit));
        Assert.All(signals.Values, s => Assert.Equal(SignalQuality.Good, s.Quality));
    }

    [Fact]
    public void ToSignals_SimulatedMachineOverAWindow_EnergyMatchesSumOfPower()
    {
        var machine = new SimulatedMachine(new MachineOptions { Name = "cnc-2", RatedKw = 15, IdleKw = 1.5, Seed = 3 });
        var acc = new WindowAccumulator();
        var expectedKws = 0.0;
        for (var s = 0; s < 300; s++)
        {
            var reading = machine.ReadAt(Start.AddSeconds(s));
            expectedKws += reading.Kilowatts;
            acc.Add(reading, OneSecond);
        }

        var signals = acc.ToSignals("cnc-2", Start, Start.AddMinutes(5)).ToDictionary(s => s.Kind);

        Assert.Equal(expectedKws / 3600, signals[SignalKind.Energy].Value, 6);
        Assert.Equal(expectedKws / 300, signals[SignalKind.PowerAvg].Value, 4);
        Assert.Equal(300, signals[SignalKind.RunningSeconds].Value + signals[SignalKind.IdleSeconds].Value + signals[SignalKind.OffSeconds].Value, 6);
        Assert.Equal(SignalQuality.Simulated, signals[SignalKind.Energy].Quality);
    }

    [Fact]
    public void ToSignals_NothingObserved_NoSignalsRatherThanZeros()
    {
        var acc = new WindowAccumulator();
        for (var i = 0; i < 60; i++)
        {
            acc.Add(null, OneSecond);
        }

        Assert.Empty(acc.ToSignals("press-1", Start, Start.AddMinutes(1)));
    }

    [Fact]
    public void ToSignals_PartlyObserved_GapQualityAndOnlyObservedSeconds()
    {
        var acc = new WindowAccumulator();
        for (var i = 0; i < 60; i++)
        {
            acc.Add(i < 45 ? new MeterReading(4, MachineState.Running, SignalQuality.Good) : null, OneSecond);
        }

        var signals = acc.ToSignals("press-1", Start, Start.AddMinutes(1)).ToDictionary(s => s.Kind);

        Assert.All(signals.Values, s => Assert.Equal(SignalQuality.Gap, s.Quality));
        Assert.Equal(45, signals[SignalKind.RunningSeconds].Value);
        Assert.Equal(0, signals[SignalKind.OffSeconds].Value);
        Assert.Equal(4, signals[SignalKind.PowerAvg].Value);
    }

    [Fact]
    public void Reset_AfterWindow_StartsEmpty()
    {
        var acc = new WindowAccumulator();
        acc.Add(new MeterReading(4, MachineState.Running, SignalQuality.Good), OneSecond);
        acc.Reset();

        Assert.Equal(0, acc.ObservedSeconds);
        Assert.Empty(acc.ToSignals("press-1", Start, Start.AddMinutes(1)));
    }

    [Theory]
    [InlineData("2026-11-25T04:00:30Z", 60, "2026-11-25T04:01:00Z")]
    [InlineData("2026-11-25T04:01:00Z", 60, "2026-11-25T04:01:00Z")]
    [InlineData("2026-11-25T04:07:00Z", 900, "2026-11-25T04:15:00Z")]
    public void NextBoundary_Times_AlignedToUtcMultiples(string now, int windowSeconds, string expected)
    {
        var next = WindowClock.NextBoundary(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(windowSeconds));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }
}
