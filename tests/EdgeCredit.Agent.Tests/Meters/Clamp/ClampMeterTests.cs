using System.Device.I2c;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Clamp;
using EdgeCredit.Agent.Meters.Simulation;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using Iot.Device.Ads1115;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Meters.Clamp;

public sealed class ClampMeterTests(ITestOutputHelper output)
{
    private readonly TestLog _log = new(output);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, 123, TimeSpan.Zero));

    [Theory]
    [InlineData(10.0, DataRate.SPS860)]
    [InlineData(25.0, DataRate.SPS860)]
    [InlineData(2.0, DataRate.SPS250)]
    [InlineData(10.0, DataRate.SPS128)]
    public async Task ReadAsync_SineThroughTheAds1115Binding_RmsWithinTwoPercent(double amps, DataRate rate)
    {
        var options = Options(amps);
        options.DataRate = rate;
        using var meter = Meter(options);

        Sample(meter, ClampMeterSettings.DataRateHz(rate), TimeSpan.FromSeconds(3));
        var reading = (await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value;

        output.WriteLine($"{amps} A at {rate}: measured {reading.CurrentAmps:0.0000} A");
        Assert.InRange(reading.CurrentAmps!.Value, amps * 0.98, amps * 1.02);
        Assert.Equal(SignalQuality.Simulated, reading.Quality);
        Assert.Equal(MachineState.Unknown, reading.State);
        _log.AssertNoUnexpectedErrors();
    }

    [Theory]
    [InlineData(1, 230.0, 0.9)]
    [InlineData(3, 230.0, 0.85)]
    [InlineData(1, 120.0, 1.0)]
    public async Task ReadAsync_VoltagePowerFactorPhases_KilowattsFromMeasuredCurrent(int phases, double volts, double powerFactor)
    {
        var options = Options(10);
        options.Phases = phases;
        options.Voltage = volts;
        options.PowerFactor = powerFactor;
        using var meter = Meter(options);

        Sample(meter, 860, TimeSpan.FromSeconds(2.5));
        var reading = (await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value;

        Assert.Equal(phases * volts * reading.CurrentAmps!.Value * powerFactor / 1000, reading.Kilowatts, 9);
        Assert.InRange(reading.Kilowatts, phases * volts * 10 * powerFactor / 1000 * 0.98, phases * volts * 10 * powerFactor / 1000 * 1.02);
    }

    [Fact]
    public async Task ReadAsync_SingleEndedInputWithDcBias_OffsetRemoved()
    {
        var options = Options(10);
        options.Channel = InputMultiplexer.AIN0;
        options.MeasuringRange = MeasuringRange.FS4096;
        options.Simulation.OffsetVolts = 1.65;
        using var meter = Meter(options);

        Sample(meter, 860, TimeSpan.FromSeconds(2.5));
        var reading = (await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value;

        Assert.InRange(reading.CurrentAmps!.Value, 9.8, 10.2);
    }

    [Fact]
    public async Task ReadAsync_AdcSaturates_OutOfRange()
    {
        // 60 A on a 30 A/V clamp is 2.83 V peak: beyond the 2.048 V full scale.
        using var meter = Meter(Options(60));

        Sample(meter, 860, TimeSpan.FromSeconds(2.5));
        var reading = (await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value;

        Assert.Equal(SignalQuality.OutOfRange, reading.Quality);
        Assert.False(reading.IsMeasurement);
        Assert.Contains(_log.Entries, e => e.EventId == 2304);
    }

    [Fact]
    public async Task ReadAsync_AboveMaxAmps_OutOfRange()
    {
        var options = Options(20);
        options.MaxAmps = 15;
        using var meter = Meter(options);

        Sample(meter, 860, TimeSpan.FromSeconds(2.5));

        Assert.Equal(SignalQuality.OutOfRange, (await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value.Quality);
    }

    [Fact]
    public async Task ReadAsync_NoSecondCompletedForStaleAfter_Stale()
    {
        using var meter = Meter(Options(10));
        Assert.Null(await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None));

        Sample(meter, 860, TimeSpan.FromSeconds(2.5));
        _time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(SignalQuality.Stale, (await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None))!.Value.Quality);
    }

    [Fact]
    public async Task RunAsync_RealTime_ProducesPerSecondReadings()
    {
        var options = Options(10);
        using var meter = new ClampMeter(new ClampMeterSettings(options, 0), () => Device(options, TimeProvider.System), TimeProvider.System, _log.For<ClampMeter>());
        using var cts = new CancellationTokenSource();

        var run = meter.RunAsync(cts.Token);
        MeterReading? reading = null;
        await Eventually.TrueAsync(async () => (reading = await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None)) is not null, "a completed second");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        // Real time: when the thread is late, reads bunch at nearly the same phase of the 50 Hz wave, so a second holds
        // fewer independent samples and its RMS scatters more (9.43 A was seen once on an idle 2-core machine). The 2 %
        // accuracy is asserted on a fake clock by the other tests; here 8 % still tells RMS (10 A) from the mean of
        // the rectified wave (9.0 A) and from the peak (14.1 A).
        Assert.InRange(reading!.Value.CurrentAmps!.Value, 9.2, 10.8);
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task RunAsync_DeviceCannotBeOpened_StopsThisMeterWithAnError()
    {
        var options = Options(10);
        options.Driver = ClampDriverKind.Hardware;
        options.Bus = 7;
        using var meter = new ClampMeter(new ClampMeterSettings(options, 0), () => throw new IOException("/dev/i2c-7 not found"), _time, _log.For<ClampMeter>());
        _log.ExpectError(2302);

        await meter.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(_log.Entries, e => e.EventId == 2302 && e.Message.Contains("Clamp:Meters:0:Bus = '7'", StringComparison.Ordinal) && e.Message.Contains("0x48", StringComparison.Ordinal));
        Assert.Null(await meter.ReadAsync(_time.GetUtcNow(), CancellationToken.None));
    }

    private static ClampMeterOptions Options(double amps) => new()
    {
        Name = "lathe-1",
        Driver = ClampDriverKind.Simulated,
        Simulation = new ClampSimulationOptions { Amps = amps },
    };

    private static SimulatedAds1115Device Device(ClampMeterOptions options, TimeProvider time) =>
        new(new I2cConnectionSettings(options.Bus, options.Address), ClampMeterProvider.SimulatedSignal(options), time);

    private ClampMeter Meter(ClampMeterOptions options)
    {
        var meter = new ClampMeter(new ClampMeterSettings(options, 0), () => Device(options, _time), _time, _log.For<ClampMeter>());
        Assert.True(meter.Open());
        return meter;
    }

    /// <summary>Samples at fake times, <paramref name="rate"/> samples per second, for <paramref name="duration"/>.</summary>
    private void Sample(ClampMeter meter, double rate, TimeSpan duration)
    {
        var step = TimeSpan.FromSeconds(1 / rate);
        var end = _time.GetUtcNow() + duration;
        while (_time.GetUtcNow() < end)
        {
            Assert.True(meter.SampleOnce());
            _time.Advance(step);
        }
    }
}
