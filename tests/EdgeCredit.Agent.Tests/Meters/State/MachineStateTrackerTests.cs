using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.State;
using EdgeCredit.Agent.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Meters.State;

public sealed class MachineStateTrackerTests(ITestOutputHelper output) : IDisposable
{
    // 2026-11-25 is a Wednesday; 02:00 UTC is 10:00 in Shanghai, inside the 08:00-20:00 shift.
    private static readonly DateTimeOffset WednesdayMorning = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();
    private readonly TestLog _log = new(output);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Next_SimulatedDay_NullWhileCommissioningThenAtLeast95PercentRight()
    {
        var machine = Machine("press-1", 20, 2);
        using var trackers = Trackers(new MachineStateOptions { ModelPath = ModelFiles.Shipped });
        var tracker = trackers.For("press-1");
        int right = 0, stated = 0, nulls = 0, off = 0;

        // 10:00 to 23:00 local: commissioning and validation in the shift, then running/idle cycles, then off after 20:00.
        for (var s = 0; s < 13 * 3600; s++)
        {
            var at = WednesdayMorning.AddSeconds(s);
            var reading = machine.ReadAt(at);
            var state = tracker.Next(at, reading.Kilowatts);
            if (state is null)
            {
                nulls++;
                Assert.True(s < 3 * 3600, $"still no state after {s} s (phase {tracker.Phase})");
                continue;
            }

            stated++;
            right += state == reading.State ? 1 : 0;
            off += reading.State == MachineState.Off ? 1 : 0;
        }

        Assert.Equal(CalibrationPhase.Calibrated, tracker.Phase);
        Assert.InRange(nulls, 3600 + 600 - 2, 3600 + 600 + 2);
        Assert.True(off > 3600, "the day should end with off samples");
        Assert.True(right >= 0.95 * stated, $"{right} of {stated} samples right");
        Assert.True(_log.Has(2102) && _log.Has(2103) && _log.Has(2104), "commissioning, learned and validated are logged");
    }

    [Fact]
    public void For_AfterRestart_ReloadsPersistedCalibration()
    {
        var machine = Machine("lathe-2", 7.5, 0.9);
        var options = new MachineStateOptions { ModelPath = ModelFiles.Shipped, CommissioningPeriod = TimeSpan.FromMinutes(40), ValidationPeriod = TimeSpan.FromMinutes(5) };
        MachineCalibration learned;
        using (var first = Trackers(options))
        {
            var tracker = first.For("lathe-2");
            for (var s = 0; tracker.Phase != CalibrationPhase.Calibrated; s++)
            {
                Assert.True(s < 7200, "not calibrated after 2 h");
                tracker.Next(WednesdayMorning.AddSeconds(s), machine.ReadAt(WednesdayMorning.AddSeconds(s)).Kilowatts);
            }

            learned = tracker.Calibration!;
        }

        Assert.True(File.Exists(Path.Combine(_dir.Path, "lathe-2.json")));
        using var second = Trackers(options);
        var restarted = second.For("lathe-2");

        Assert.Equal(CalibrationPhase.Calibrated, restarted.Phase);
        Assert.Equal(learned, restarted.Calibration);
        Assert.Equal(CalibrationOrigin.Learned, restarted.Calibration!.Origin);
        Assert.NotNull(restarted.Next(WednesdayMorning.AddHours(3), 7));
    }

    [Fact]
    public void For_OverrideConfigured_UsesItWithoutCommissioning()
    {
        var options = new MachineStateOptions { ModelPath = ModelFiles.Shipped };
        options.Overrides["oven-3"] = new MachineLevelsOverride { IdleKw = 4, RunningKw = 60, OffKw = 0.5 };
        using var trackers = Trackers(options);
        var tracker = trackers.For("oven-3");

        Assert.Equal(CalibrationPhase.Calibrated, tracker.Phase);
        Assert.Equal(CalibrationOrigin.Override, tracker.Calibration!.Origin);
        Assert.Equal(MachineState.Running, tracker.Next(WednesdayMorning, 58));
        Assert.Equal(MachineState.Off, Enumerable.Range(1, 40).Select(s => tracker.Next(WednesdayMorning.AddSeconds(s), 0.1)).Last());
        Assert.Equal(MachineState.Idle, Enumerable.Range(41, 40).Select(s => tracker.Next(WednesdayMorning.AddSeconds(s), 4.2)).Last());
        Assert.False(File.Exists(Path.Combine(_dir.Path, "oven-3.json")), "an override is configuration, not a learned calibration");
    }

    [Fact]
    public void Next_MachineAtOneLevel_RejectsWithReasonAndReportsNoState()
    {
        var options = new MachineStateOptions { ModelPath = ModelFiles.Shipped, CommissioningPeriod = TimeSpan.FromMinutes(20) };
        using var trackers = Trackers(options);
        var tracker = trackers.For("pump-4");
        var random = new Random(9);

        for (var s = 0; s < 3600; s++)
        {
            Assert.Null(tracker.Next(WednesdayMorning.AddSeconds(s), 5 * (1 + (0.04 * random.NextDouble()))));
        }

        Assert.Equal(CalibrationPhase.Commissioning, tracker.Phase);
        Assert.Contains("cannot tell idle from running", tracker.LastRejection, StringComparison.Ordinal);
        Assert.True(_log.Has(2105));
        Assert.False(File.Exists(Path.Combine(_dir.Path, "pump-4.json")));
    }

    [Fact]
    public void Next_CommissioningSawStandbyAndIdleOnly_RejectedDuringValidation()
    {
        var options = new MachineStateOptions { ModelPath = ModelFiles.Shipped, CommissioningPeriod = TimeSpan.FromMinutes(30), ValidationPeriod = TimeSpan.FromMinutes(10) };
        using var trackers = Trackers(options);
        var tracker = trackers.For("mill-5");
        var s = 0;

        // Commissioning: standby 0.2 kW and idle 3 kW in turns; these look like idle and running.
        for (; tracker.Phase == CalibrationPhase.Commissioning; s++)
        {
            Assert.True(s < 3600, "never left commissioning");
            tracker.Next(WednesdayMorning.AddSeconds(s), (s / 300) % 2 == 0 ? 0.2 : 3.0);
        }

        // Validation: the machine starts cutting at 20 kW, far above the "running" level learned.
        for (var end = s + 900; s < end; s++)
        {
            Assert.Null(tracker.Next(WednesdayMorning.AddSeconds(s), 20));
        }

        Assert.Equal(CalibrationPhase.Commissioning, tracker.Phase);
        Assert.Contains("probably off (standby) and idle", tracker.LastRejection, StringComparison.Ordinal);
        Assert.Null(tracker.Calibration);
    }

    [Fact]
    public void Next_PowerSettlesFarAboveLearnedRunning_RecommissionsAndForgetsStoredLevels()
    {
        var options = new MachineStateOptions { ModelPath = ModelFiles.Shipped, CommissioningPeriod = TimeSpan.FromMinutes(20), ValidationPeriod = TimeSpan.FromMinutes(5) };
        using var trackers = Trackers(options);
        var tracker = trackers.For("drill-6");
        var s = 0;
        for (; tracker.Phase != CalibrationPhase.Calibrated; s++)
        {
            Assert.True(s < 7200, "not calibrated");
            tracker.Next(WednesdayMorning.AddSeconds(s), (s / 120) % 3 == 0 ? 1.0 : 10.0);
        }

        Assert.True(File.Exists(Path.Combine(_dir.Path, "drill-6.json")));
        for (var end = s + LevelWatch.BlockSamples + 1; s < end && tracker.Phase == CalibrationPhase.Calibrated; s++)
        {
            tracker.Next(WednesdayMorning.AddSeconds(s), 60);
        }

        Assert.Equal(CalibrationPhase.Commissioning, tracker.Phase);
        Assert.Contains("the machine changed or its levels were wrong", tracker.LastRejection, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "drill-6.json")));
    }

    [Fact]
    public void Next_MissingOrNotFiniteSample_ReturnsNull()
    {
        var options = new MachineStateOptions { ModelPath = ModelFiles.Shipped };
        options.Overrides["press-1"] = new MachineLevelsOverride { IdleKw = 2, RunningKw = 17 };
        using var trackers = Trackers(options);
        var tracker = trackers.For("press-1");

        Assert.Null(tracker.Next(WednesdayMorning, null));
        Assert.Null(tracker.Next(WednesdayMorning, double.NaN));
        Assert.Equal(MachineState.Running, tracker.Next(WednesdayMorning.AddSeconds(1), 16));
    }

    private static SimulatedMachine Machine(string name, double ratedKw, double idleKw) =>
        new(new MachineOptions { Name = name, RatedKw = ratedKw, IdleKw = idleKw, Seed = 3 });

    private MachineStateTrackers Trackers(MachineStateOptions options) =>
        new(new MachineStateModel(options.ModelPath), options, new CalibrationStore(_dir.Path), new FakeTimeProvider(WednesdayMorning), _log.Factory);
}
