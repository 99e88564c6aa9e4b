using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Signals;

/// <summary>
/// Samples every meter at the sample interval and, at each window boundary, writes one <see cref="SignalBatch"/>
/// with all sources' signals straight into the outbox (the outbox write is the push-back: signals never drop).
/// The window in which the agent starts is skipped, because part of it was not observed; sampling starts at the
/// next UTC boundary. A source that delivered nothing in a window sends nothing for it.
/// Samples whose meter does not know the machine state go through the machine-state model. Meters with an energy
/// register are followed across windows, and each batch stores the register positions it reports in the same
/// outbox transaction; after a restart the energy between that checkpoint and the first new reading is reported as
/// one catch-up signal spanning the time in between (when it is at most an hour).
/// </summary>
internal sealed class SignalWindowService : BackgroundService
{
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<IMeterSource> _sources;
    private readonly IMachineStateResolver _states;
    private readonly IReadOnlyList<IWindowContributor> _contributors;
    private readonly IReadOnlyList<IEventSource> _eventSources;
    private readonly List<DeviceEvent> _pendingEvents = [];
    private readonly OutboxStore _outbox;
    private readonly AgentOptions _agent;
    private readonly TimeSpan _sampleInterval;
    private readonly TimeProvider _time;
    private readonly AgentCounters _counters;
    private readonly ILogger<SignalWindowService> _logger;

    public SignalWindowService(
        MeterSet meters,
        IMachineStateResolver states,
        IEnumerable<IWindowContributor> contributors,
        IEnumerable<IEventSource> eventSources,
        OutboxStore outbox,
        IOptions<AgentOptions> agent,
        TimeProvider time,
        AgentCounters counters,
        ILogger<SignalWindowService> logger)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(meters);
        _sources = meters.Sources;
        _states = states;
        _contributors = [.. contributors];
        _eventSources = [.. eventSources];
        _outbox = outbox;
        _agent = agent.Value;
        _sampleInterval = _agent.SampleInterval;
        _time = time;
        _counters = counters;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = _agent.Window;
        var start = WindowClock.NextBoundary(_time.GetUtcNow(), window);
        SignalsLog.Starting(_logger, window, _sources.Count, _sampleInterval, start);
        var accumulators = _sources.Select(_ => new WindowAccumulator()).ToArray();
        var checkpoints = _outbox.LoadRegisters().ToDictionary(c => c.Source, StringComparer.Ordinal);
        for (var i = 0; i < _sources.Count; i++)
        {
            if (checkpoints.TryGetValue(_sources[i].Name, out var checkpoint))
            {
                accumulators[i].SetRegisterBaseline(checkpoint.Kwh, checkpoint.At);
                SignalsLog.RegisterResumed(_logger, checkpoint.Source, checkpoint.Kwh, checkpoint.At);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var end = start + window;
            foreach (var accumulator in accumulators)
            {
                accumulator.Reset();
            }

            for (var at = start; at < end; at += _sampleInterval)
            {
                await DelayUntilAsync(at, stoppingToken);
                var duration = end - at < _sampleInterval ? end - at : _sampleInterval;
                for (var i = 0; i < _sources.Count; i++)
                {
                    var reading = await ReadAsync(_sources[i], at, stoppingToken);
                    accumulators[i].Add(reading, StateOf(_sources[i].Name, at, reading), duration);
                }
            }

            await DelayUntilAsync(end, stoppingToken);
            var signals = new List<Signal>();
            var registers = new List<RegisterCheckpoint>();
            for (var i = 0; i < _sources.Count; i++)
            {
                var name = _sources[i].Name;
                if (CatchUpSignal(name, accumulators[i], start) is { } catchUp)
                {
                    signals.Add(catchUp);
                }

                signals.AddRange(accumulators[i].ToSignals(name, start, end));
                if (accumulators[i].LastRegister is { } register)
                {
                    registers.Add(new RegisterCheckpoint(name, register, end));
                }
            }

            foreach (var contributor in _contributors)
            {
                signals.AddRange(contributor.Collect(start, end));
            }

            var events = TakeEvents();
            await StoreAsync(start, end, signals, events, registers, stoppingToken);
            start = end;
        }
    }

    /// <summary>The events decided so far, at most a batch's worth; the rest wait for the next window (never dropped).</summary>
    private List<DeviceEvent> TakeEvents()
    {
        foreach (var source in _eventSources)
        {
            _pendingEvents.AddRange(source.TakeEvents());
        }

        _pendingEvents.Sort((a, b) => a.At.CompareTo(b.At));
        var count = Math.Min(_pendingEvents.Count, ProtocolLimits.MaxEventsPerBatch);
        var taken = _pendingEvents.GetRange(0, count);
        _pendingEvents.RemoveRange(0, count);
        return taken;
    }

    private MachineState? StateOf(string source, DateTimeOffset at, MeterReading? reading) => reading switch
    {
        { State: not MachineState.Unknown } r => r.State,
        { IsMeasurement: true } r => _states.Next(source, at, r.Kilowatts),
        _ => _states.Next(source, at, null),
    };

    /// <summary>The energy between the stored checkpoint and the first reading after a restart, as its own signal.</summary>
    private Signal? CatchUpSignal(string source, WindowAccumulator accumulator, DateTimeOffset firstWindowStart)
    {
        if (accumulator.CatchUp is not { } catchUp)
        {
            return null;
        }

        var span = firstWindowStart - catchUp.Since;
        if (span < ProtocolLimits.MinWindow || span > ProtocolLimits.MaxWindow)
        {
            SignalsLog.CatchUpNotReported(_logger, source, catchUp.Kwh, catchUp.Since, firstWindowStart);
            return null;
        }

        return new Signal
        {
            Start = catchUp.Since,
            End = firstWindowStart,
            Source = source,
            Kind = SignalKind.Energy,
            Value = Math.Round(catchUp.Kwh, 6),
            Unit = SignalVocabulary.UnitOf(SignalKind.Energy),
            Quality = catchUp.Quality,
        };
    }

    private async Task StoreAsync(DateTimeOffset start, DateTimeOffset end, List<Signal> signals, List<DeviceEvent> events, List<RegisterCheckpoint> registers, CancellationToken cancellationToken)
    {
        if (signals.Count == 0 && events.Count == 0)
        {
            SignalsLog.NothingObserved(_logger, start);
            return;
        }

        // Sequence 1 is a placeholder: the outbox assigns the real number in the transaction that stores the batch.
        var draft = new SignalBatch
        {
            Version = SignalBatch.CurrentVersion,
            Enterprise = _agent.Enterprise,
            Device = _agent.Device,
            Sequence = 1,
            SentAt = end,
            Signals = signals,
            Events = events.Count > 0 ? events : null,
        };
        var check = SignalBatchParser.Check(draft);
        if (!check.IsValid)
        {
            _counters.AddRejected();
            SignalsLog.Rejected(_logger, start, check.Reason is { } r ? ProtocolJson.EnumWireName(r) : "unknown", check.Detail);
            return;
        }

        while (true)
        {
            try
            {
                var sequence = _outbox.Append(draft, registers);
                SignalsLog.Stored(_logger, start, sequence, signals.Count);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SignalsLog.StoreFailed(_logger, ex, start, StoreRetryDelay);
                await Task.Delay(StoreRetryDelay, _time, cancellationToken);
            }
        }
    }

    private async ValueTask<MeterReading?> ReadAsync(IMeterSource source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ReadAsync(at, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SignalsLog.ReadFailed(_logger, ex, source.Name, at);
            return null;
        }
    }

    private async Task DelayUntilAsync(DateTimeOffset target, CancellationToken cancellationToken)
    {
        var delay = target - _time.GetUtcNow();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
    }
}
