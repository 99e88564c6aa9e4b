using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Signals;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Signals;

public sealed class SignalWindowServiceTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TestLog _log = new(output);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_FakeClockPastTwoBoundaries_StoresTwoFullWindowsAndSkipsThePartialOne()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 30, TimeSpan.Zero)); // Wednesday 12:00:30 Shanghai
        var counters = new AgentCounters();
        using var outbox = OutboxStore.Open(_dir.File("outbox.db"), OutboxOptions.MiB * 16, time, counters, _log.For<OutboxStore>());
        var machines = new[]
        {
            new MachineOptions { Name = "press-1", RatedKw = 22, IdleKw = 2.5, Seed = 1 },
            new MachineOptions { Name = "idle-3", RatedKw = 5, IdleKw = 0.5, Seed = 2, Profile = MachineProfile.Stopped },
        };
        var simulators = machines.Select(m => new SimulatedMachine(m)).ToArray();
        var agent = new AgentOptions { Enterprise = "acme", Device = "gw-01", Window = TimeSpan.FromMinutes(1) };
        using var service = new SignalWindowService(FixedMeterProvider.Set(simulators), new NoMachineStateModel(), [], [], outbox, Options.Create(agent), time, counters, _log.For<SignalWindowService>());

        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _log.Has(3001), "service waiting for its first window");
        await AdvanceUntilAsync(time, TimeSpan.FromSeconds(150), () => outbox.Depth >= 2, "two windows stored"); // to 04:03:00
        await service.StopAsync(CancellationToken.None);

        var batches = outbox.PeekOldest(10).Select(e => SignalBatchParser.Parse(e.Payload.Span)).ToList();
        Assert.All(batches, b => Assert.True(b.IsValid, b.Detail));
        var first = batches[0].Batch!;
        var second = batches[1].Batch!;
        Assert.Equal(first.Sequence + 1, second.Sequence);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 4, 1, 0, TimeSpan.Zero), first.Signals[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 4, 2, 0, TimeSpan.Zero), second.Signals[0].Start);
        Assert.Equal(12, first.Signals.Count);
        Assert.All(first.Signals, s => Assert.Equal(SignalQuality.Simulated, s.Quality));

        var expectedKws = Enumerable.Range(0, 60).Sum(s => simulators[0].ReadAt(first.Signals[0].Start.AddSeconds(s)).Kilowatts);
        var energy = first.Signals.Single(s => s.Source == "press-1" && s.Kind == SignalKind.Energy).Value;
        Assert.Equal(expectedKws / 3600, energy, 6);
        var stopped = first.Signals.Where(s => s.Source == "idle-3").ToDictionary(s => s.Kind, s => s.Value);
        Assert.Equal(60, stopped[SignalKind.OffSeconds]);
        Assert.Equal(0, stopped[SignalKind.Energy]);
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Run_NoSources_StoresNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 30, TimeSpan.Zero));
        var counters = new AgentCounters();
        using var outbox = OutboxStore.Open(_dir.File("outbox.db"), OutboxOptions.MiB * 16, time, counters, _log.For<OutboxStore>());
        var agent = new AgentOptions { Enterprise = "acme", Device = "gw-01" };
        using var service = new SignalWindowService(FixedMeterProvider.Set(), new NoMachineStateModel(), [], [], outbox, Options.Create(agent), time, counters, _log.For<SignalWindowService>());

        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _log.Has(3001), "service waiting for its first window");
        await AdvanceUntilAsync(time, TimeSpan.FromSeconds(150), () => _log.Entries.Count(e => e.EventId == 3003) >= 2, "two empty windows noticed");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(0, outbox.Depth);
    }

    [Fact]
    public async Task Run_RegisterMeterAcrossRestart_EnergyStoredEqualsRegisterMovedWithCatchUpInBetween()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 30, TimeSpan.Zero));
        var counters = new AgentCounters();
        var meter = new LinearRegisterMeter("pulse-1", time.GetUtcNow(), kwhPerSecond: 0.001);
        var agent = new AgentOptions { Enterprise = "acme", Device = "gw-01", Window = TimeSpan.FromMinutes(1) };
        using var outbox = OutboxStore.Open(_dir.File("outbox.db"), OutboxOptions.MiB * 16, time, counters, _log.For<OutboxStore>());

        using (var first = new SignalWindowService(FixedMeterProvider.Set(meter), new NoMachineStateModel(), [], [], outbox, Options.Create(agent), time, counters, _log.For<SignalWindowService>()))
        {
            await first.StartAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => _log.Has(3001), "first service waiting for its first window");
            await AdvanceUntilAsync(time, TimeSpan.FromSeconds(150), () => outbox.Depth >= 2, "two windows stored");
            await first.StopAsync(CancellationToken.None); // killed part-way through the third window
        }

        var restartedLogs = _log.Entries.Count(e => e.EventId == 3001);
        using (var second = new SignalWindowService(FixedMeterProvider.Set(meter), new NoMachineStateModel(), [], [], outbox, Options.Create(agent), time, counters, _log.For<SignalWindowService>()))
        {
            time.Advance(TimeSpan.FromSeconds(20));
            await second.StartAsync(CancellationToken.None);
            await Eventually.TrueAsync(() => _log.Entries.Count(e => e.EventId == 3001) > restartedLogs, "second service waiting for its first window");
            await AdvanceUntilAsync(time, TimeSpan.FromSeconds(70), () => outbox.Depth >= 3, "a window stored after the restart");
            await second.StopAsync(CancellationToken.None);
        }

        var signals = outbox.PeekOldest(10).SelectMany(e => SignalBatchParser.Parse(e.Payload.Span).Batch!.Signals).ToList();
        var energy = signals.Where(s => s.Kind == SignalKind.Energy).OrderBy(s => s.Start).ToList();
        var catchUp = Assert.Single(energy, s => s.Quality == SignalQuality.Gap);
        Assert.Equal(energy[1].End, catchUp.Start); // from the end of the last stored window...
        Assert.Equal(energy[^1].Start, catchUp.End); // ...to the first window after the restart
        var firstRead = meter.Reads.Min();
        var lastRead = meter.Reads.Where(r => r < energy[^1].End).Max(); // reads of the unfinished window after it are not stored
        Assert.Equal(meter.RegisterAt(lastRead) - meter.RegisterAt(firstRead), energy.Sum(s => s.Value), 5);
        Assert.Equal(Math.Round(meter.RegisterAt(lastRead), 6), signals.Where(s => s.Kind == SignalKind.MeterRegister).MaxBy(s => s.End)!.Value);
        Assert.Single(outbox.LoadRegisters());
        _log.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task Run_ContributorAndManyEvents_SignalsInTheWindowEventsCarriedOverNeverDropped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 30, TimeSpan.Zero));
        var counters = new AgentCounters();
        using var outbox = OutboxStore.Open(_dir.File("outbox.db"), OutboxOptions.MiB * 16, time, counters, _log.For<OutboxStore>());
        var agent = new AgentOptions { Enterprise = "acme", Device = "gw-01", Window = TimeSpan.FromMinutes(1) };
        var camera = new FakeCamera(events: 150, time);
        using var service = new SignalWindowService(FixedMeterProvider.Set(), new NoMachineStateModel(), [camera], [camera], outbox, Options.Create(agent), time, counters, _log.For<SignalWindowService>());

        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => _log.Has(3001), "service waiting for its first window");
        await AdvanceUntilAsync(time, TimeSpan.FromSeconds(150), () => outbox.Depth >= 2, "two windows stored");
        await service.StopAsync(CancellationToken.None);

        var batches = outbox.PeekOldest(10).Select(e => SignalBatchParser.Parse(e.Payload.Span).Batch!).ToList();
        Assert.Equal(ProtocolLimits.MaxEventsPerBatch, batches[0].Events!.Count);
        Assert.Equal(50, batches[1].Events!.Count);
        Assert.Equal(150, batches.SelectMany(b => b.Events!).Select(e => e.Detail).Distinct().Count());
        Assert.All(batches, b => Assert.Equal(SignalKind.CameraHealth, Assert.Single(b.Signals).Kind));
        Assert.Equal(batches[0].Signals[0].End, batches[1].Signals[0].Start);
    }

    /// <summary>A camera stage that reports a health signal per window and a burst of events at the start.</summary>
    private sealed class FakeCamera(int events, TimeProvider time) : IWindowContributor, IEventSource
    {
        private int _left = events;

        public IReadOnlyList<Signal> Collect(DateTimeOffset start, DateTimeOffset end) =>
        [
            new Signal { Start = start, End = end, Source = "cam-1", Kind = SignalKind.CameraHealth, Value = 1, Unit = "ratio", Quality = SignalQuality.Good },
        ];

        public IReadOnlyList<DeviceEvent> TakeEvents()
        {
            var now = time.GetUtcNow();
            var burst = Enumerable.Range(0, _left).Select(i => new DeviceEvent
            {
                At = now.AddMilliseconds(-i), Source = "press-1", Type = EventType.StateChanged, State = i % 2 == 0 ? "running" : "idle", Detail = $"event {i}",
            }).ToList();
            _left = 0;
            return burst;
        }
    }

    /// <summary>A meter whose register grows by a fixed amount per second (a pulse counter at a steady load).</summary>
    private sealed class LinearRegisterMeter(string name, DateTimeOffset origin, double kwhPerSecond) : IMeterSource
    {
        public string Name => name;

        public System.Collections.Concurrent.ConcurrentBag<DateTimeOffset> Reads { get; } = [];

        public double RegisterAt(DateTimeOffset at) => 42 + ((at - origin).TotalSeconds * kwhPerSecond);

        public ValueTask<MeterReading?> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            Reads.Add(at);
            return ValueTask.FromResult<MeterReading?>(new MeterReading(kwhPerSecond * 3600, MachineState.Unknown, SignalQuality.Good) { RegisterKwh = RegisterAt(at) });
        }
    }

    /// <summary>
    /// Moves the fake clock on by <paramref name="by"/> and waits for <paramref name="condition"/>. The service may have
    /// computed its first delay from the clock before the jump and registered it after, so that timer waits for fake
    /// time that never comes; while nothing happens, the clock is nudged 30 s (less than a window) at a time.
    /// </summary>
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, TimeSpan by, Func<bool> condition, string what)
    {
        time.Advance(by);
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        var nudgeAt = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {Eventually.DefaultTimeout} waiting for: {what}");
            }

            if (DateTime.UtcNow > nudgeAt)
            {
                time.Advance(TimeSpan.FromSeconds(30));
                nudgeAt = DateTime.UtcNow + TimeSpan.FromSeconds(1);
            }

            await Task.Delay(10);
        }
    }
}
