using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.State;

namespace EdgeCredit.Agent.Tests.Meters.State;

public sealed class CalibratorTests
{
    // 2026-11-25 is a Wednesday; 10:00 in Shanghai (UTC+8) is inside the default 08:00-20:00 shift.
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static readonly MachineStateOptions Options = new();

    [Theory]
    [InlineData(1.5, 0.3)]
    [InlineData(22, 3)]
    [InlineData(400, 25)]
    [InlineData(3000, 600)]
    public void Learn_SimulatedMachineOfAnyRating_LevelsWithinTolerance(double ratedKw, double idleKw)
    {
        var machine = new SimulatedMachine(new MachineOptions { Name = "m-" + ratedKw, RatedKw = ratedKw, IdleKw = idleKw, Seed = 5 });
        var readings = Enumerable.Range(0, 3600).Select(s => machine.ReadAt(WednesdayMorning.AddSeconds(s))).ToList();
        var runningMedian = readings.Where(r => r.State == MachineState.Running).Select(r => r.Kilowatts).Order().ElementAt(readings.Count(r => r.State == MachineState.Running) / 2);

        var result = Calibrator.Learn([.. readings.Select(r => r.Kilowatts)], Options, WednesdayMorning);

        Assert.True(result.Accepted, result.Rejection);
        Assert.InRange(result.Levels!.IdleKw, idleKw * 0.95, idleKw * 1.05);
        Assert.InRange(result.Levels.RunningKw, runningMedian * 0.9, runningMedian * 1.1);
        Assert.InRange(result.Levels.OffKw, 0, idleKw * 0.5);
    }

    [Fact]
    public void Learn_OffIdleAndRunning_OffThresholdBetweenStandbyAndIdle()
    {
        var profile = StateProfile.Generate(seed: 11, ratedKw: 40, idleFraction: 0.15, samples: 7200);

        var result = Calibrator.Learn(profile.Kilowatts, Options, WednesdayMorning);

        Assert.True(result.Accepted, result.Rejection);
        Assert.InRange(result.Levels!.IdleKw, profile.IdleKw * 0.9, profile.IdleKw * 1.1);
        Assert.InRange(result.Levels.RunningKw, profile.RunningKw * 0.85, profile.RunningKw * 1.15);
        Assert.InRange(result.Levels.OffKw, profile.StandbyKw * 1.2, profile.IdleKw * 0.6);
    }

    [Fact]
    public void Learn_OneLevelOnly_RejectsAndSaysWhy()
    {
        // A machine that ran at one level (like the CNC file: 1.1..1.35 kW all along) cannot show its idle level.
        var random = new Random(3);
        var kw = Enumerable.Range(0, 3600).Select(_ => 1.18 * (1 + (0.06 * (random.NextDouble() - 0.5)))).ToArray();

        var result = Calibrator.Learn(kw, Options, WednesdayMorning);

        Assert.False(result.Accepted);
        Assert.Contains("cannot tell idle from running", result.Rejection, StringComparison.Ordinal);
        Assert.Contains("MachineState:Overrides", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_OffAndRunningWithoutIdle_Rejects()
    {
        var kw = Enumerable.Range(0, 3600).Select(s => s % 600 < 300 ? 0.0 : 30 + (s % 7)).ToArray();

        var result = Calibrator.Learn(kw, Options, WednesdayMorning);

        Assert.False(result.Accepted);
        Assert.Contains("no idle level", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_AllZero_RejectsAsOff()
    {
        var result = Calibrator.Learn(new double[500], Options, WednesdayMorning);

        Assert.False(result.Accepted);
        Assert.Contains("off during commissioning", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_TooFewSamples_Rejects()
    {
        var result = Calibrator.Learn([1, 10, 1, 10], Options, WednesdayMorning);

        Assert.False(result.Accepted);
        Assert.Contains("only 4 samples", result.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_MoreThanKept_DecimatesButCountsEverySample()
    {
        var calibrator = new Calibrator(new MachineStateOptions { CommissioningPeriod = TimeSpan.FromDays(2) });
        for (var s = 0; s < Calibrator.MaxKept * 2; s++)
        {
            calibrator.Add(WednesdayMorning.AddSeconds(s), s % 600 < 400 ? 50 : 5);
        }

        Assert.Equal(Calibrator.MaxKept * 2, calibrator.Seen);
        Assert.InRange(calibrator.Progress, 0.75, 0.77);
        var result = calibrator.Learn(WednesdayMorning);
        Assert.True(result.Accepted, result.Rejection);
        Assert.Equal(5, result.Levels!.IdleKw, 3);
        Assert.Equal(50, result.Levels.RunningKw, 3);
    }
}
