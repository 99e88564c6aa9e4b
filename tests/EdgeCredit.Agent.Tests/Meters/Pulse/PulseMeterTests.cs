using System.Device.Gpio;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Pulse;
using EdgeCredit.Agent.Meters.Simulation;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Meters.Pulse;

public sealed class PulseMeterTests(ITestOutputHelper output) : IDisposable
{
    private const int Pin = 17;
    private readonly TempDirectory _dir = new();
    private readonly TestLog _log = new(output);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(1, 20)]
    [InlineData(10, 200)]
    [InlineData(50, 1000)]
    [InlineData(100, 2000)]
    public void Open_BounceOnBothEdgesAtRate_CountsExactlyThePulsesGenerated(double rateHz, int pulses)
    {
        var driver = new SimulatedGpioDriver();
        using var meter = Meter(Options(), driver);
        Assert.True(meter.Open());
        var train = new PulseTrain(new ConstantRateSchedule(_time.GetUtcNow(), rateHz), TimeSpan.FromMilliseconds(4), bounceEdges: 6, TimeSpan.FromMilliseconds(0.4), seed: 7);

        var generated = PulsePlayer.Play(train, driver, Pin, _time, pulses);
        _time.Advance(TimeSpan.FromMilliseconds(10));

        Assert.Equal(generated, meter.Pulses);
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public void Open_PulseShorterThanMinPulseWidth_NotCounted()
    {
        var driver = new SimulatedGpioDriver();
        using var meter = Meter(Options(), driver);
        meter.Open();

        driver.SetInput(Pin, PinValue.High);
        _time.Advance(TimeSpan.FromMilliseconds(1.5));
        driver.SetInput(Pin, PinValue.Low);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, meter.Pulses);
    }

    [Fact]
    public async Task ReadAsync_SteadyPulses_RegisterAndPowerFromIntervals()
    {
        var options = Options();
        options.InitialKwh = 1234.5;
        var driver = new SimulatedGpioDriver();
        using var meter = Meter(options, driver);
        meter.Open();

        // 1000 pulses/kWh, one pulse every 0.36 s: 10 kW.
        var train = new PulseTrain(new ConstantRateSchedule(_time.GetUtcNow(), 1 / 0.36), TimeSpan.FromMilliseconds(30), 0, TimeSpan.Zero, 1);
        PulsePlayer.Play(train, driver, Pin, _time, 10);
        var reading = (await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value;

        Assert.Equal(10, reading.Kilowatts, 6);
        Assert.Equal(1234.5 + 0.010, reading.RegisterKwh!.Value, 9);
        Assert.Equal(MachineState.Unknown, reading.State);
        Assert.Equal(SignalQuality.Simulated, reading.Quality);

        _time.Advance(TimeSpan.FromSeconds(61));
        var idle = (await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value;
        Assert.Equal(0, idle.Kilowatts);
        Assert.Equal(SignalQuality.Simulated, idle.Quality);
    }

    [Fact]
    public async Task Open_AfterRestart_ContinuesFromTheStoredCount()
    {
        var train = new PulseTrain(new ConstantRateSchedule(_time.GetUtcNow(), 10), TimeSpan.FromMilliseconds(5), 4, TimeSpan.FromMilliseconds(0.3), 3);
        var first = new SimulatedGpioDriver();
        using (var meter = Meter(Options(), first))
        {
            meter.Open();
            PulsePlayer.Play(train, first, Pin, _time, 25);
        }

        var second = new SimulatedGpioDriver();
        using var restarted = Meter(Options(), second);
        restarted.Open();
        Assert.Equal(25, restarted.Pulses);
        PulsePlayer.Play(train, second, Pin, _time, 5);
        var reading = (await restarted.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value;

        Assert.Equal(30, restarted.Pulses);
        Assert.Equal(0.030, reading.RegisterKwh!.Value, 9);
        using var store = PulseCounterStore.Open(_dir.File("press-1.counter"), _time);
        Assert.Equal(30, store.Pulses);
    }

    [Fact]
    public void Open_ActiveLow_CountsLowPulses()
    {
        var options = Options();
        options.ActiveLevel = PulseActiveLevel.Low;
        options.PullMode = PulsePullMode.PullUp;
        var driver = new SimulatedGpioDriver();
        driver.SetInput(Pin, PinValue.High);
        using var meter = Meter(options, driver);
        meter.Open();

        for (var i = 0; i < 3; i++)
        {
            driver.SetInput(Pin, PinValue.Low);
            _time.Advance(TimeSpan.FromMilliseconds(30));
            driver.SetInput(Pin, PinValue.High);
            _time.Advance(TimeSpan.FromMilliseconds(70));
        }

        Assert.Equal(3, meter.Pulses);
    }

    [Fact]
    public async Task Open_PinNotOnTheChip_StopsThisMeterWithAMessageNamingKeyValueAndFix()
    {
        var options = Options();
        options.Pin = 60;
        using var meter = Meter(options, new SimulatedGpioDriver(pinCount: 54));
        _log.ExpectError(2202);

        await meter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var error = Assert.Single(_log.Entries, e => e.EventId == 2202);
        Assert.Contains("press-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Pulse:Meters:0:Pin = '60'", error.Message, StringComparison.Ordinal);
        Assert.Contains("0 to 53", error.Message, StringComparison.Ordinal);
        Assert.Contains("line offset", error.Message, StringComparison.Ordinal);
        Assert.Null(await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task Open_DriverCannotBeCreated_StopsThisMeterWithAnError()
    {
        using var meter = new PulseMeter(new PulseMeterSettings(Options(), 0, _dir.File("press-1.counter")), () => throw new IOException("no /dev/gpiochip0"), _time, _log.For<PulseMeter>());
        _log.ExpectError(2203);

        Assert.False(meter.Open());

        Assert.Contains(_log.Entries, e => e.EventId == 2203 && e.Message.Contains("Pulse:Meters:0:Chip", StringComparison.Ordinal));
        Assert.Null(await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None));
    }

    public void Dispose() => _dir.Dispose();

    private static PulseMeterOptions Options() => new()
    {
        Name = "press-1",
        Pin = Pin,
        PulsesPerKwh = 1000,
        Driver = GpioDriverKind.Simulated,
        Simulation = new PulseSimulationOptions { RateHz = 0 },
    };

    private PulseMeter Meter(PulseMeterOptions options, SimulatedGpioDriver driver) =>
        new(new PulseMeterSettings(options, 0, _dir.File("press-1.counter")), () => driver, _time, _log.For<PulseMeter>());
}
