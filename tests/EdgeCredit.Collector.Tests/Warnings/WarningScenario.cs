using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Operations;
using EdgeCredit.Collector.Tenancy;
using EdgeCredit.Collector.Warnings;
using EdgeCredit.Collector.Webhooks;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tests.Warnings;

/// <summary>What a simulated enterprise does on one local day.</summary>
internal enum DayPlan
{
    Normal,
    Declined,
    Halted,
    Offline,
    Tampered,
}

/// <summary>
/// A simulated factory (a press with running seconds, a meter, a camera) through the real ingest path, indicators and
/// warning engine, one local day at a time (UTC, 08:00-17:00 on the calendar's scheduled days; nothing runs on others). After each day the clock moves past the
/// day's end and the warnings are evaluated, as the service would.
/// </summary>
internal sealed class WarningScenario : IAsyncDisposable
{
    private readonly IngestHarness _ingest;
    private readonly EnterpriseCalendar _calendar;
    private long _sequence;

    private WarningScenario(IngestHarness ingest, EnterpriseOptions enterprise, WarningOptions options)
    {
        _ingest = ingest;
        var registry = new RegistryOptions();
        registry.Enterprises.Add(enterprise);
        var calendars = new EnterpriseCalendars(Options.Create(registry));
        _calendar = calendars.Get(TestBatches.Enterprise).Calendar;
        var indicators = new IndicatorEngine(new IndicatorStore(ingest.Database), calendars, Options.Create(new IndicatorOptions()), ingest.Time);
        Store = new WarningStore(ingest.Database);
        Webhooks = new WebhookStore(ingest.Database);
        var publisher = new WebhookPublisher(Webhooks, new LenderDirectory(Options.Create(new TenancyOptions())), new WebhookWake(), ingest.Time);
        Engine = new WarningEngine(indicators, new TamperMinutes(ingest.Database), calendars, Store, publisher, Options.Create(options), ingest.Time);
        Webhooks.AddSubscription(new WebhookSubscription("wh_platform", WebhookSubscription.OperatorOwner, "http://127.0.0.1:9/hook", "s", ["*"], ingest.Time.GetUtcNow()));
    }

    public WarningStore Store { get; }

    public WebhookStore Webhooks { get; }

    public WarningEngine Engine { get; }

    /// <summary>Changes made by the evaluation after each day, by day.</summary>
    public Dictionary<DateOnly, List<string>> Changes { get; } = [];

    public static async Task<WarningScenario> StartAsync(DateOnly first, Action<EnterpriseOptions>? configure = null, WarningOptions? options = null)
    {
        var enterprise = new EnterpriseOptions { Id = TestBatches.Enterprise, TimeZone = "UTC" };
        configure?.Invoke(enterprise);
        var ingest = new IngestHarness(now: new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await ingest.StartAsync();
        return new WarningScenario(ingest, enterprise, options ?? new WarningOptions());
    }

    /// <summary>Plays days from <paramref name="first"/>: each plan is one day (weekends follow the calendar: nothing runs).</summary>
    public async Task PlayAsync(DateOnly first, IEnumerable<DayPlan> plans)
    {
        var date = first;
        foreach (var plan in plans)
        {
            await DayAsync(date, plan);
            date = date.AddDays(1);
        }
    }

    /// <summary>Plays <paramref name="days"/> days of one plan from <paramref name="first"/>; returns the day after.</summary>
    public async Task<DateOnly> PlayAsync(DateOnly first, int days, DayPlan plan)
    {
        await PlayAsync(first, Enumerable.Repeat(plan, days));
        return first.AddDays(days);
    }

    public async Task DayAsync(DateOnly date, DayPlan plan)
    {
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var working = _calendar.ScheduledHours(date) > 0;
        if (plan != DayPlan.Offline)
        {
            var signals = new List<Signal>();
            var events = new List<DeviceEvent>();
            for (var h = 0; h < 24; h++)
            {
                var at = start.AddHours(h);
                var shift = working && h >= 8 && h < 17 && plan != DayPlan.Halted;
                var share = plan == DayPlan.Declined ? 0.6 : 1.0;
                signals.Add(Signal(at, "press-1", SignalKind.RunningSeconds, shift ? 3600 * 0.9 * share : 0));
                signals.Add(Signal(at, "meter", SignalKind.Energy, shift ? 40 * share : 3));
                signals.Add(Signal(at, "cam-1", SignalKind.ActivityIndex, shift ? 0.5 * share : 0));
                signals.Add(Signal(at, "cam-1", SignalKind.CameraHealth, plan == DayPlan.Tampered && h is >= 10 and < 12 ? 0 : 1));
            }

            if (plan == DayPlan.Tampered)
            {
                events.Add(new DeviceEvent { At = start.AddHours(10).AddSeconds(6), Source = "cam-1", Type = EventType.ConditionStarted, Condition = EventCondition.Covered, Confidence = 0.9, Since = start.AddHours(10) });
                events.Add(new DeviceEvent { At = start.AddHours(12), Source = "cam-1", Type = EventType.ConditionEnded, Condition = EventCondition.Covered, Since = start.AddHours(10) });
            }

            var batch = new SignalBatch
            {
                Version = 1,
                Enterprise = TestBatches.Enterprise,
                Device = TestBatches.Device,
                Sequence = ++_sequence,
                SentAt = start.AddDays(1),
                Signals = signals,
                Events = events.Count > 0 ? events : null,
            };
            _ingest.Time.SetUtcNow(start.AddDays(1));
            var outcome = await _ingest.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch)), CancellationToken.None);
            Assert.Equal(IngestResult.Stored, outcome.Result);
        }

        _ingest.Time.SetUtcNow(start.AddDays(1).AddHours(2));
        Changes[date] = await Engine.EvaluateAsync(TestBatches.Enterprise, CancellationToken.None);
    }

    public List<WarningRecord> All() => Store.List(new WarningQuery([TestBatches.Enterprise], null, null, null, 1000));

    public async Task<OperatingState> StateAsync(DateOnly date) =>
        Assert.Single(await Engine.AssessAsync(TestBatches.Enterprise, date, date, CancellationToken.None)).State;

    public ValueTask DisposeAsync() => _ingest.DisposeAsync();

    private static Signal Signal(DateTimeOffset start, string source, SignalKind kind, double value) => new()
    {
        Start = start,
        End = start.AddHours(1),
        Source = source,
        Kind = kind,
        Value = value,
        Unit = SignalVocabulary.UnitOf(kind),
        Quality = SignalQuality.Good,
    };
}
