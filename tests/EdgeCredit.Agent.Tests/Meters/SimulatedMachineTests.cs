using EdgeCredit.Agent.Meters;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Meters;

public sealed class SimulatedMachineTests
{
    // 2026-11-25 is a Wednesday. Asia/Shanghai is UTC+8 all year.
    private static readonly DateTimeOffset WednesdayNoonShanghai = new(2026, 11, 25, 4, 0, 0, TimeSpan.Zero);

    private static MachineOptions Press(int seed = 7, MachineProfile profile = MachineProfile.Normal) => new()
    {
        Name = "press-1",
        RatedKw = 20,
        IdleKw = 2,
        ShiftStart = new TimeOnly(8, 0),
        ShiftEnd = new TimeOnly(20, 0),
        Seed = seed,
        Profile = profile,
        NoiseFraction = 0.05,
    };

    [Fact]
    public void ReadAt_SameConfigAndTime_SameReadingAcrossInstances()
    {
        var a = new SimulatedMachine(Press());
        var b = new SimulatedMachine(Press());

        for (var s = 0; s < 3600; s += 7)
        {
            var at = WednesdayNoonShanghai.AddSeconds(s);
            Assert.Equal(a.ReadAt(at), b.ReadAt(at));
        }
    }

    [Fact]
    public void ReadAt_SubSecondTimes_ResolveToTheSameSecond()
    {
        var machine = new SimulatedMachine(Press());

        Assert.Equal(machine.ReadAt(WednesdayNoonShanghai), machine.ReadAt(WednesdayNoonShanghai.AddMilliseconds(999)));
    }

    [Fact]
    public void ReadAt_DifferentSeed_DifferentReadings()
    {
        var a = new SimulatedMachine(Press(seed: 1));
        var b = new SimulatedMachine(Press(seed: 2));

        var differing = Enumerable.Range(0, 600).Count(s => a.ReadAt(WednesdayNoonShanghai.AddSeconds(s)) != b.ReadAt(WednesdayNoonShanghai.AddSeconds(s)));
        Assert.True(differing > 500, $"only {differing} of 600 readings differ");
    }

    [Fact]
    public void ReadAt_InsideShift_RunsInDutyCyclesWithIdleGaps()
    {
        var machine = new SimulatedMachine(Press());
        var readings = Enumerable.Range(0, 3600).Select(s => machine.ReadAt(WednesdayNoonShanghai.AddSeconds(s))).ToList();

        var running = readings.Count(r => r.State == MachineState.Running);
        var idle = readings.Count(r => r.State == MachineState.Idle);
        Assert.Equal(3600, running + idle);
        Assert.InRange(running / 3600.0, 0.55, 0.95);
        Assert.All(readings.Where(r => r.State == MachineState.Running), r => Assert.InRange(r.Kilowatts, 0.7 * 20 * 0.95, 20 * 1.05));
        Assert.All(readings.Where(r => r.State == MachineState.Idle), r => Assert.InRange(r.Kilowatts, 2 * 0.95, 2 * 1.05));
        Assert.All(readings, r => Assert.Equal(SignalQuality.Simulated, r.Quality));
    }

    [Theory]
    [InlineData(2026, 11, 25, 23, 30)] // Thursday 07:30 local: before the shift
    [InlineData(2026, 11, 25, 12, 0)] // Wednesday 20:00 local: the shift has ended (end is exclusive)
    [InlineData(2026, 11, 29, 4, 0)] // Sunday 12:00 local: not a work day
    public void ReadAt_OutsideShiftOrDayOff_Off(int y, int mo, int d, int h, int mi)
    {
        var reading = new SimulatedMachine(Press()).ReadAt(new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.Zero));

        Assert.Equal(new MeterReading(0, MachineState.Off, SignalQuality.Simulated), reading);
    }

    [Fact]
    public void ReadAt_ProfileStopped_AlwaysOff()
    {
        var machine = new SimulatedMachine(Press(profile: MachineProfile.Stopped));

        Assert.All(Enumerable.Range(0, 24 * 60), m => Assert.Equal(MachineState.Off, machine.ReadAt(WednesdayNoonShanghai.AddMinutes(m)).State));
    }

    [Fact]
    public void IsInShift_OvernightShift_BelongsToTheDayItStarted()
    {
        var options = Press();
        options.ShiftStart = new TimeOnly(20, 0);
        options.ShiftEnd = new TimeOnly(8, 0);
        var machine = new SimulatedMachine(options);

        Assert.True(machine.IsInShift(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero))); // Saturday 22:00 local
        Assert.True(machine.IsInShift(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero))); // Sunday 04:00 local, Saturday's shift
        Assert.False(machine.IsInShift(new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero))); // Sunday 22:00 local: Sunday is off
        Assert.False(machine.IsInShift(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero))); // Wednesday 12:00 local
    }
}
