using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Signals;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Signals;

public sealed class RegisterTrackTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static MeterReading Register(double kwh, double kw = 3, SignalQuality quality = SignalQuality.Good) =>
        new(kw, MachineState.Unknown, quality) { RegisterKwh = kwh };

    [Fact]
    public void ToSignals_RegisterAcrossWindows_EnergyIsTheRegisterMovementWithNothingCountedTwice()
    {
        var acc = new WindowAccumulator();
        var registers = new[] { 100.0, 100.2, 100.5, 100.5, 101.0, 101.7 };
        var windows = new List<IReadOnlyList<Signal>>();
        for (var w = 0; w < 3; w++)
        {
            acc.Reset();
            acc.Add(Register(registers[2 * w]), OneSecond);
            acc.Add(Register(registers[(2 * w) + 1]), OneSecond);
            windows.Add(acc.ToSignals("m", Start.AddMinutes(w), Start.AddMinutes(w + 1)));
        }

        var energies = windows.Select(s => s.Single(x => x.Kind == SignalKind.Energy).Value).ToArray();
        Assert.Equal([0.2, 0.3, 1.2], energies.Select(e => Math.Round(e, 6)));
        Assert.Equal(101.7 - 100.0, energies.Sum(), 6);
        Assert.Equal(101.7, windows[2].Single(x => x.Kind == SignalKind.MeterRegister).Value);
        Assert.All(windows.SelectMany(s => s), s => Assert.Equal(SignalQuality.Good, s.Quality));
        Assert.DoesNotContain(windows[0], s => s.Kind == SignalKind.RunningSeconds); // state unknown: no state seconds
    }

    [Fact]
    public void ToSignals_RegisterReset_CountsEnergySinceResetAndFlagsCounterReset()
    {
        var acc = new WindowAccumulator();
        acc.Add(Register(5000), OneSecond);
        acc.Add(Register(5000.4), OneSecond);
        acc.Add(Register(0.3), OneSecond);

        var signals = acc.ToSignals("m", Start, Start.AddMinutes(1));

        var energy = signals.Single(s => s.Kind == SignalKind.Energy);
        Assert.Equal(0.7, energy.Value, 6);
        Assert.Equal(SignalQuality.CounterReset, energy.Quality);
    }

    [Fact]
    public void ToSignals_RegisterSlightlyBackwards_AddsNothingAndFlagsNegativeDelta()
    {
        var acc = new WindowAccumulator();
        acc.Add(Register(50), OneSecond);
        acc.Add(Register(49.9), OneSecond);
        acc.Add(Register(50.1), OneSecond);

        var energy = acc.ToSignals("m", Start, Start.AddMinutes(1)).Single(s => s.Kind == SignalKind.Energy);

        Assert.Equal(0.2, energy.Value, 6);
        Assert.Equal(SignalQuality.NegativeDelta, energy.Quality);
    }

    [Fact]
    public void ToSignals_StaleReadings_NotObservedAndFlaggedStaleNeverZero()
    {
        var acc = new WindowAccumulator();
        for (var i = 0; i < 60; i++)
        {
            acc.Add(i < 20 ? new MeterReading(4, MachineState.Unknown, SignalQuality.Good) : new MeterReading(0, MachineState.Unknown, SignalQuality.Stale), MachineState.Running, OneSecond);
        }

        var signals = acc.ToSignals("m", Start, Start.AddMinutes(1)).ToDictionary(s => s.Kind);

        Assert.Equal(4, signals[SignalKind.PowerAvg].Value);
        Assert.Equal(20, signals[SignalKind.RunningSeconds].Value);
        Assert.All(signals.Values, s => Assert.Equal(SignalQuality.Stale, s.Quality));
    }

    [Fact]
    public void ToSignals_OnlyStaleReadings_NoSignals()
    {
        var acc = new WindowAccumulator();
        for (var i = 0; i < 60; i++)
        {
            acc.Add(new MeterReading(0, MachineState.Unknown, SignalQuality.Stale), OneSecond);
        }

        Assert.Empty(acc.ToSignals("m", Start, Start.AddMinutes(1)));
    }

    [Fact]
    public void ToSignals_StateKnownForPartOfTheTime_StateSecondsCarryGap()
    {
        var acc = new WindowAccumulator();
        for (var i = 0; i < 60; i++)
        {
            acc.Add(new MeterReading(4, MachineState.Unknown, SignalQuality.Good), i < 30 ? null : MachineState.Running, OneSecond);
        }

        var signals = acc.ToSignals("m", Start, Start.AddMinutes(1)).ToDictionary(s => s.Kind);

        Assert.Equal(SignalQuality.Good, signals[SignalKind.Energy].Quality);
        Assert.Equal(30, signals[SignalKind.RunningSeconds].Value);
        Assert.Equal(SignalQuality.Gap, signals[SignalKind.RunningSeconds].Quality);
    }

    [Fact]
    public void CatchUp_BaselineFromCheckpoint_FirstMovementKeptApartFromTheWindow()
    {
        var acc = new WindowAccumulator();
        var checkpointAt = Start.AddSeconds(-90);
        acc.SetRegisterBaseline(10.0, checkpointAt);
        acc.Add(Register(10.25), OneSecond);
        acc.Add(Register(10.30), OneSecond);

        var catchUp = acc.CatchUp;
        var energy = acc.ToSignals("m", Start, Start.AddMinutes(1)).Single(s => s.Kind == SignalKind.Energy);

        Assert.NotNull(catchUp);
        Assert.Equal(0.25, catchUp.Value.Kwh, 6);
        Assert.Equal(checkpointAt, catchUp.Value.Since);
        Assert.Equal(SignalQuality.Gap, catchUp.Value.Quality);
        Assert.Equal(0.05, energy.Value, 6);
    }
}
