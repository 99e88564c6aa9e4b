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
/// </summary>
internal sealed class SignalWindowService : BackgroundService
{
    private static readonly TimeSpan StoreRetryDelay = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<IMeterSource> _sources;
    private readonly OutboxStore _outbox;
    private readonly AgentOptions _agent;
    private readonly TimeSpan _sampleInterval;
    private readonly TimeProvider _time;
    private readonly AgentCounters _counters;
    private readonly ILogger<SignalWindowService> _logger;

    public SignalWindowService(
        IReadOnlyList<IMeterSource> sources,
        OutboxStore outbox,
        IOptions<AgentOptions> agent,
        IOptions<SimulatorOptions> simulator,
        TimeProvider time,
        AgentCounters counters,
        ILogger<SignalWindowService> logger)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(simulator);
        _sources = sources;
        _outbox = outbox;
        _agent = agent.Value;
        _sampleInterval = simulator.Value.SampleInterval;
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
                    accumulators[i].Add(await ReadAsync(_sources[i], at, stoppingToken), duration);
                }
            }

            await DelayUntilAsync(end, stoppingToken);
            var signals = new List<Signal>();
            for (var i = 0; i < _sources.Count; i++)
            {
                signals.AddRange(accumulators[i].ToSignals(_sources[i].Name, start, end));
            }

            await StoreAsync(start, end, signals, stoppingToken);
            start = end;
        }
    }

    private async Task StoreAsync(DateTimeOffset start, DateTimeOffset end, List<Signal> signals, CancellationToken cancellationToken)
    {
        if (signals.Count == 0)
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
                var sequence = _outbox.Append(draft);
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
