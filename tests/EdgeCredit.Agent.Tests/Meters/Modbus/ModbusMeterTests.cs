using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Modbus;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

[Collection(ModbusCollection.Name)]
public sealed class ModbusMeterTests(ModbusServerFixture server, ITestOutputHelper output)
{
    private readonly TestLog _log = new(output);

    [Fact]
    public async Task PollOnce_ThreePhaseMeter_ReadingHasKwKwhAndMeanCurrent()
    {
        using var meter = Meter(ModbusTestModels.MeterOptions("press-1", server.Port, 2));

        var outcome = await meter.PollOnceAsync(CancellationToken.None);
        var reading = (await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value;

        Assert.Equal(ModbusPollOutcome.Good, outcome);
        Assert.Equal(SignalQuality.Good, reading.Quality);
        Assert.Equal(MachineState.Unknown, reading.State);
        Assert.Equal(12.345, reading.Kilowatts, 9);
        Assert.Equal(1234.56, reading.RegisterKwh!.Value, 9);
        Assert.Equal(10.2, reading.CurrentAmps!.Value, 9);
        Assert.True(_log.Has(2403));
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task ReadAsync_HostNotListening_GapAndOneErrorNamingMeterKeyAndFix()
    {
        using var meter = Meter(ModbusTestModels.MeterOptions("press-9", FreePort(), 1));
        _log.ExpectError(2404);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ModbusPollOutcome.ConnectionFailed, await meter.PollOnceAsync(CancellationToken.None));
        }

        var reading = (await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value;
        Assert.Equal(SignalQuality.Gap, reading.Quality);
        Assert.False(reading.IsMeasurement);
        Assert.Equal(3, meter.Snapshot().ConnectionFailures);
        var error = Assert.Single(_log.Entries, e => e.EventId == 2404);
        Assert.Contains("press-9", error.Message, StringComparison.Ordinal);
        Assert.Contains("Modbus:Meters:0:Host/Port", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check that the meter or gateway is powered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoGoodPollForStaleAfter_StaleWithZeroKw()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var meter = Meter(ModbusTestModels.MeterOptions("press-1", server.Port, 3), clock);
        await meter.PollOnceAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(6)); // StaleAfter: 3 × 2 s
        var fresh = (await meter.ReadAsync(clock.GetUtcNow(), CancellationToken.None))!.Value;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var stale = (await meter.ReadAsync(clock.GetUtcNow(), CancellationToken.None))!.Value;

        Assert.Equal(SignalQuality.Good, fresh.Quality);
        Assert.Equal(13.345, fresh.Kilowatts, 9);
        Assert.Equal(SignalQuality.Stale, stale.Quality);
        Assert.Equal(0, stale.Kilowatts);
        Assert.False(stale.IsMeasurement);
    }

    [Fact]
    public async Task RunAsync_FakeClock_PollsOnUtcMultiplesOfTheIntervalAndSkipsWhollyMissedTicks()
    {
        var t0 = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(t0.AddMilliseconds(300));
        using var meter = Meter(ModbusTestModels.MeterOptions("press-1", server.Port, 4, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)), clock);
        var starts = new List<(DateTimeOffset At, TimeSpan Late)>();
        meter.PollStarted = late => starts.Add((clock.GetUtcNow(), late));
        using var stop = new CancellationTokenSource();
        var run = meter.RunAsync(stop.Token);

        for (var step = 0; step < 47; step++) // 0.3 s + 4.7 s = five ticks, in 100 ms steps
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            var polls = (clock.GetUtcNow() - t0).Ticks / TimeSpan.TicksPerSecond;
            await Eventually.TrueAsync(() => meter.Snapshot().Polls == polls, $"{polls} polls");
        }

        clock.Advance(TimeSpan.FromMilliseconds(3500)); // 00:00:08.5: the poll of 6 s starts 2.5 s late, 7 s is skipped, 8 s follows at once
        await Eventually.TrueAsync(() => meter.Snapshot().Polls == 7, "the late polls");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        await Eventually.TrueAsync(() => meter.Snapshot().Polls == 8, "the poll of 9 s");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 3, 4, 5, 8.5, 8.5, 9], starts.Select(s => (s.At - t0).TotalSeconds));
        Assert.Equal([0, 0, 0, 0, 0, 2.5, 0.5, 0], starts.Select(s => s.Late.TotalSeconds));
        Assert.Equal(1, meter.Snapshot().SkippedPolls);
        Assert.Equal(8, meter.Snapshot().GoodPolls);
    }

    [Fact]
    public async Task PollOnce_WrongTransactionId_ProtocolErrorNoValueTakenThenRecovers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = new WrongTransactionIdServer();
        fake.Registers[0] = 1500; // power in 0.01 kW
        var model = new List<ModbusPointOptions> { new() { Quantity = ModbusQuantity.Power, Address = 0, Type = ModbusDataType.UInt16, Scale = 0.01 } };
        using var meter = Meter(ModbusTestModels.MeterOptions("press-1", fake.Port, 1), clock, model);

        var first = await meter.PollOnceAsync(CancellationToken.None);
        fake.Misbehave = true;
        var bad = await meter.PollOnceAsync(CancellationToken.None);
        var held = (await meter.ReadAsync(clock.GetUtcNow(), CancellationToken.None))!.Value;
        clock.Advance(TimeSpan.FromSeconds(6.001));
        var stale = (await meter.ReadAsync(clock.GetUtcNow(), CancellationToken.None))!.Value;
        var snapshot = meter.Snapshot();
        fake.Misbehave = false;
        var recovered = await meter.PollOnceAsync(CancellationToken.None);
        var good = (await meter.ReadAsync(clock.GetUtcNow(), CancellationToken.None))!.Value;

        Assert.Equal((ModbusPollOutcome.Good, ModbusPollOutcome.ProtocolError, ModbusPollOutcome.Good), (first, bad, recovered));
        Assert.Equal((15.0, SignalQuality.Good), (held.Kilowatts, held.Quality));
        Assert.Equal((0.0, SignalQuality.Stale), (stale.Kilowatts, stale.Quality));
        Assert.Equal((1L, ModbusPollOutcome.ProtocolError), (snapshot.ProtocolErrors, snapshot.LastOutcome));
        Assert.Contains("transaction id", snapshot.LastError, StringComparison.Ordinal);
        Assert.Equal((15.0, SignalQuality.Good), (good.Kilowatts, good.Quality));
        Assert.Equal(1, meter.Snapshot().Reconnects);
        Assert.True(_log.Has(2405) && _log.Has(2406));
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task PollOnce_GarbageAnswers_ProtocolErrorsCountedAndLoggedOnce()
    {
        await using var fake = new GarbageModbusServer { Misbehave = true };
        var model = new List<ModbusPointOptions> { new() { Quantity = ModbusQuantity.Power, Address = 0, Type = ModbusDataType.UInt16 } };
        using var meter = Meter(ModbusTestModels.MeterOptions("press-1", fake.Port, 1), model: model);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ModbusPollOutcome.ProtocolError, await meter.PollOnceAsync(CancellationToken.None));
        }

        fake.Misbehave = false;
        Assert.Equal(ModbusPollOutcome.Good, await meter.PollOnceAsync(CancellationToken.None));

        Assert.Equal(3, meter.Snapshot().ProtocolErrors);
        Assert.Equal(3, meter.Snapshot().Reconnects);
        Assert.Single(_log.Entries, e => e.EventId == 2405);
        Assert.Single(_log.Entries, e => e.EventId == 2406);
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task PollOnce_ValueOutsideRangeOrNaN_OutOfRangeUntilPlausibleAgain()
    {
        await using var own = await ModbusServerProcess.StartAsync([.. ModbusTestModels.MeterValues(1, 5000, 10)]);
        using var meter = Meter(ModbusTestModels.MeterOptions("press-1", own.Port, 1));

        await own.SetAsync(1, ModbusFunction.Holding, 103, ModbusDataType.UInt16, WordOrder.HighFirst, 3000); // 300 V > 260 V
        var tooHigh = await PollAndReadAsync(meter);
        await own.SetAsync(1, ModbusFunction.Holding, 103, ModbusDataType.UInt16, WordOrder.HighFirst, 2300);
        await own.SetAsync(1, ModbusFunction.Input, 0, ModbusDataType.Float32, WordOrder.HighFirst, double.NaN);
        var notANumber = await PollAndReadAsync(meter);
        await own.SetAsync(1, ModbusFunction.Input, 0, ModbusDataType.Float32, WordOrder.HighFirst, 5000);
        var plausible = await PollAndReadAsync(meter);

        Assert.Equal((SignalQuality.OutOfRange, 0.0, (double?)null), (tooHigh.Quality, tooHigh.Kilowatts, tooHigh.RegisterKwh));
        Assert.Equal((SignalQuality.OutOfRange, 0.0), (notANumber.Quality, notANumber.Kilowatts));
        Assert.False(tooHigh.IsMeasurement);
        Assert.Equal((SignalQuality.Good, 5.0), (plausible.Quality, plausible.Kilowatts));
        Assert.Equal(2, meter.Snapshot().OutOfRange);
        Assert.Single(_log.Entries, e => e.EventId == 2407);
        Assert.Single(_log.Entries, e => e.EventId == 2408);
    }

    [Fact]
    public async Task PollOnce_EnergyRegisterGoesBack_NegativeDeltaOnThatReading()
    {
        await using var own = await ModbusServerProcess.StartAsync([.. ModbusTestModels.MeterValues(1, 5000, 1234.56)]);
        using var meter = Meter(ModbusTestModels.MeterOptions("press-1", own.Port, 1));

        var before = await PollAndReadAsync(meter);
        await own.SetAsync(1, ModbusFunction.Input, 2, ModbusDataType.UInt32, WordOrder.LowFirst, 1234.555 * 100); // within 0.01 kWh
        var jitter = await PollAndReadAsync(meter);
        await own.SetAsync(1, ModbusFunction.Input, 2, ModbusDataType.UInt32, WordOrder.LowFirst, 100_000);
        var back = await PollAndReadAsync(meter);
        var next = await PollAndReadAsync(meter);

        Assert.Equal(SignalQuality.Good, before.Quality);
        Assert.Equal(SignalQuality.Good, jitter.Quality);
        Assert.Equal((SignalQuality.NegativeDelta, 1000.0), (back.Quality, back.RegisterKwh!.Value));
        Assert.True(back.IsMeasurement);
        Assert.Equal(SignalQuality.Good, next.Quality);
        Assert.Single(_log.Entries, e => e.EventId == 2409);
    }

    [Fact]
    public async Task RunAsync_EnergyRisingOnTheServer_RegisterKwhRisesWithEveryPoll()
    {
        await using var own = await ModbusServerProcess.StartAsync([.. ModbusTestModels.MeterValues(1, 5000, 10)]);
        await own.SendAsync("ramp 1 i 2 uint32 low 1 0.05"); // +0.01 kWh every 50 ms
        using var meter = Meter(ModbusTestModels.MeterOptions("press-1", own.Port, 1, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(150)));
        var seen = new List<double>();
        using var stop = new CancellationTokenSource();
        var run = meter.RunAsync(stop.Token);

        await Eventually.TrueAsync(async () =>
        {
            if ((await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))?.RegisterKwh is { } kwh && (seen.Count == 0 || kwh != seen[^1]))
            {
                seen.Add(kwh);
            }

            return seen.Count >= 4;
        }, "four different energy readings");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(seen.Order(), seen);
        Assert.True(seen[0] >= 10 && seen[^1] > seen[0]);
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<MeterReading> PollAndReadAsync(ModbusMeter meter)
    {
        await meter.PollOnceAsync(CancellationToken.None);
        return (await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value;
    }

    private ModbusMeter Meter(ModbusMeterOptions options, TimeProvider? clock = null, IList<ModbusPointOptions>? model = null) =>
        new(ModbusTestModels.Setup(options, model), clock ?? TimeProvider.System, _log.For<ModbusMeter>());
}
