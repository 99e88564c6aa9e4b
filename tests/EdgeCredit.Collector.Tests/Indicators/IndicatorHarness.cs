using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tests.Indicators;

/// <summary>
/// The real ingest path (<see cref="IngestHarness"/>: SignalIngestor, IngestWriter, SQLite) plus the indicator engine for
/// the harness's enterprise, with a configurable time zone and calendar. The fake clock follows the data.
/// </summary>
internal sealed class IndicatorHarness : IAsyncDisposable
{
    private long _sequence;

    private IndicatorHarness(IngestHarness ingest, EnterpriseOptions enterprise, IndicatorOptions options)
    {
        Ingest = ingest;
        var registry = new RegistryOptions();
        registry.Enterprises.Add(enterprise);
        Calendars = new EnterpriseCalendars(Options.Create(registry));
        Store = new IndicatorStore(ingest.Database);
        Engine = new IndicatorEngine(Store, Calendars, Options.Create(options), ingest.Time);
    }

    public IngestHarness Ingest { get; }

    public EnterpriseCalendars Calendars { get; }

    public IndicatorStore Store { get; }

    public IndicatorEngine Engine { get; }

    public static async Task<IndicatorHarness> StartAsync(DateTimeOffset now, string timeZone = "UTC", Action<EnterpriseOptions>? configure = null, IndicatorOptions? options = null)
    {
        var enterprise = new EnterpriseOptions { Id = TestBatches.Enterprise, TimeZone = timeZone };
        configure?.Invoke(enterprise);
        var harness = new IndicatorHarness(new IngestHarness(now: now), enterprise, options ?? new IndicatorOptions());
        await harness.Ingest.StartAsync();
        return harness;
    }

    public static Signal Signal(DateTimeOffset start, TimeSpan length, string source, SignalKind kind, double value, SignalQuality quality = SignalQuality.Good) => new()
    {
        Start = start,
        End = start + length,
        Source = source,
        Kind = kind,
        Value = value,
        Unit = SignalVocabulary.UnitOf(kind),
        Quality = quality,
    };

    /// <summary>Sends one batch through the ingest path (moving the clock to its last window end if needed) and waits for the commit.</summary>
    public async Task<IngestOutcome> SendAsync(IReadOnlyList<Signal> signals, long? sequence = null, string device = TestBatches.Device, IReadOnlyList<DeviceEvent>? events = null)
    {
        var end = signals.Max(s => s.End);
        if (end > Ingest.Time.GetUtcNow())
        {
            Ingest.Time.SetUtcNow(end);
        }

        var batch = new SignalBatch
        {
            Version = 1,
            Enterprise = TestBatches.Enterprise,
            Device = device,
            Sequence = sequence ?? ++_sequence,
            SentAt = Ingest.Time.GetUtcNow(),
            Signals = signals,
            Events = events,
        };
        return await Ingest.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch), TestBatches.SignalsTopic(device)), CancellationToken.None);
    }

    public async Task<DailyIndicators> DayAsync(DateOnly date) => Assert.Single(await Engine.ComputeAsync(TestBatches.Enterprise, date, date, CancellationToken.None));

    public ValueTask DisposeAsync() => Ingest.DisposeAsync();
}
