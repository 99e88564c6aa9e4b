using System.Device.Gpio;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Pulse;
using EdgeCredit.Agent.Meters.Simulation;
using EdgeCredit.Agent.Tests.Support;

namespace EdgeCredit.Agent.Tests.Meters.Pulse;

public sealed class PulseGeneratorTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestLog _log = new(output);

    [Fact]
    public async Task RunAsync_GeneratorAt100HzWithBounce_CountsExactlyWhatWasGenerated()
    {
        var options = new PulseMeterOptions
        {
            Name = "press-1",
            Pin = 5,
            PulsesPerKwh = 1000,
            Driver = GpioDriverKind.Simulated,
            Simulation = new PulseSimulationOptions
            {
                RateHz = 100,
                PulseWidth = TimeSpan.FromMilliseconds(4),
                BounceEdges = 6,
                BounceSpan = TimeSpan.FromMilliseconds(0.3),
                LedgerPath = _dir.File("ledger.txt"),
            },
        };
        using var meter = new PulseMeter(new PulseMeterSettings(options, 0, _dir.File("press-1.counter")), () => new SimulatedGpioDriver(), TimeProvider.System, _log.For<PulseMeter>());
        using var cts = new CancellationTokenSource();

        var run = meter.RunAsync(cts.Token);
        await Eventually.TrueAsync(() => meter.Driver is SimulatedGpioDriver { GeneratedPulses: >= 300 }, "300 pulses generated (about 3 s)");
        var midway = (await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value;
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        var generated = ((SimulatedGpioDriver)meter.Driver!).GeneratedPulses;
        output.WriteLine($"generated {generated}, counted {meter.Pulses}, power midway {midway.Kilowatts:0.###} kW");
        Assert.Equal(generated, meter.Pulses);
        Assert.Equal(generated, PulseLedger.ReadTotal(options.Simulation.LedgerPath));
        using var store = PulseCounterStore.Open(_dir.File("press-1.counter"), TimeProvider.System);
        Assert.Equal(generated, store.Pulses);
        // 100 Hz at 1000 pulses/kWh is 360 kW; one interval jitters with the scheduler, but the generator never makes a
        // pulse and its gap shorter than 2 x 3.7 ms (about 486 kW) and a late one is made up for by the next.
        Assert.InRange(midway.Kilowatts, 100.0, 490.0);
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public void Transition_SameSeed_SameBounce()
    {
        var a = Train(seed: 42);
        var b = Train(seed: 42);

        var edgesA = a.Transition(PinValue.High);
        var edgesB = b.Transition(PinValue.High);

        Assert.Equal(edgesA, edgesB);
        Assert.Equal(7, edgesA.Count);
        Assert.Equal(PinValue.High, edgesA[^1].Level);
        Assert.All(edgesA, e => Assert.InRange(e.Offset, TimeSpan.Zero, TimeSpan.FromMilliseconds(0.5)));
    }

    [Fact]
    public void Next_ConstantPower_OnePulsePerEnergyQuantum()
    {
        var start = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        var schedule = new EnergyPulseSchedule(start, 1000, _ => 3.6); // 3.6 kW = 1 Wh/s

        var times = Enumerable.Range(0, 5).Select(_ => schedule.Next()!.Value).ToList();

        Assert.Equal([.. Enumerable.Range(1, 5).Select(i => start.AddSeconds(i))], times);
    }

    [Fact]
    public void Next_MachineProfile_PulsesMatchTheMachineEnergy()
    {
        var machine = new SimulatedMachine(new MachineOptions { Name = "m", RatedKw = 36, IdleKw = 3.6, TimeZone = "UTC", ShiftStart = new TimeOnly(0, 0), ShiftEnd = new TimeOnly(0, 0), WorkDays = [.. Enum.GetValues<DayOfWeek>()] });
        var start = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        var schedule = EnergyPulseSchedule.ForMachine(start, 100, machine);
        var end = start.AddHours(1);

        var pulses = 0;
        while (schedule.Next() is { } t && t < end)
        {
            pulses++;
        }

        var kwh = Enumerable.Range(0, 3600).Sum(s => machine.ReadAt(start.AddSeconds(s)).Kilowatts) / 3600;
        Assert.InRange(pulses, (int)(kwh * 100) - 1, (int)(kwh * 100) + 1);
    }

    [Fact]
    public void Open_ExistingLedger_ContinuesTheCount()
    {
        var path = _dir.File("ledger.txt");
        using (var ledger = PulseLedger.Open(path))
        {
            ledger.Append(1);
            ledger.Append(2);
        }

        using (var ledger = PulseLedger.Open(path))
        {
            Assert.Equal(2, ledger.PreviousTotal);
            ledger.Append(1);
        }

        Assert.Equal(["1", "2", "3"], File.ReadAllLines(path));
        Assert.Equal(3, PulseLedger.ReadTotal(path));
    }

    public void Dispose() => _dir.Dispose();

    private static PulseTrain Train(int seed) =>
        new(new ConstantRateSchedule(DateTimeOffset.UnixEpoch, 10), TimeSpan.FromMilliseconds(5), 6, TimeSpan.FromMilliseconds(0.5), seed);
}
