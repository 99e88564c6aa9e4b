using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace EdgeCredit.Agent.Publishing;

/// <summary>
/// Owns the MQTT client and its reconnect loop (exponential backoff with full jitter; never reconnects from the
/// disconnected event). While connected it sends, one at a time and each awaiting its PUBACK:
/// live batches (stored after the connection came up) at once, oldest first; then the backlog (stored before, plus
/// batches whose receipt is overdue), oldest first, at most <see cref="PublishingOptions.BacklogBatchesPerSecond"/>;
/// a new live batch goes ahead of the next backlog batch. A batch leaves the outbox only when the collector's receipt
/// lists it (or, with <see cref="DeliveryConfirmation.BrokerAck"/>, at its PUBACK). It also keeps a retained online
/// status with the counters on the status topic; the broker publishes the last will (offline) if the agent vanishes.
/// </summary>
internal sealed class PublisherService : BackgroundService
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    private readonly OutboxStore _outbox;
    private readonly PublishingOptions _options;
    private readonly TimeProvider _time;
    private readonly AgentCounters _counters;
    private readonly ILogger<PublisherService> _logger;
    private readonly MqttConnectionSettings _settings;
    private readonly BatchPublisher _publisher;
    private readonly ReconnectBackoff _backoff;
    private readonly IMqttClient _client;
    private readonly AwaitingReceipts _awaiting;
    private readonly ReceiptHandler _receipts;
    private readonly AsyncSignal _connectionLost = new();
    private volatile bool _stopping;

    public PublisherService(
        OutboxStore outbox,
        IOptions<PublishingOptions> options,
        IOptions<AgentOptions> agent,
        TimeProvider time,
        AgentCounters counters,
        ILogger<PublisherService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(agent);
        _outbox = outbox;
        _options = options.Value;
        _time = time;
        _counters = counters;
        _logger = logger;
        _settings = new MqttConnectionSettings(_options, agent.Value);
        _publisher = new BatchPublisher(_settings, _options.PublishTimeout, time, logger);
        _backoff = new ReconnectBackoff(_options.ReconnectMin, _options.ReconnectMax);
        _awaiting = new AwaitingReceipts(_options.ReceiptTimeout, time, counters);
        _receipts = new ReceiptHandler(_settings.ReceiptsTopic, outbox, _awaiting, counters, logger);
        _client = new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        if (UseReceipts)
        {
            _client.ApplicationMessageReceivedAsync += _receipts.OnMessageReceivedAsync;
        }
    }

    public bool IsConnected => _client.IsConnected;

    private bool UseReceipts => _options.Confirmation == DeliveryConfirmation.Receipt;

    public override void Dispose()
    {
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync -= _receipts.OnMessageReceivedAsync;
        _client.Dispose();
        _settings.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        var connections = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await ConnectAsync(stoppingToken))
                    {
                        if (connections++ > 0)
                        {
                            _counters.AddReconnect();
                        }

                        var connectedAt = _time.GetTimestamp();
                        var healthy = await RunSessionAsync(stoppingToken);
                        if (healthy || _time.GetElapsedTime(connectedAt) >= _options.ReconnectMax)
                        {
                            attempt = 0;
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    PublishingLog.LoopFailed(_logger, ex);
                }

                if (stoppingToken.IsCancellationRequested)
                {
                    break;
                }

                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), stoppingToken);
                }

                var delay = _backoff.Next(attempt++);
                PublishingLog.Backoff(_logger, _settings.Endpoint, delay);
                await Task.Delay(delay, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            await GoOfflineAsync();
        }
    }

    private async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        MqttClientConnectResult result;
        try
        {
            result = await _client.ConnectAsync(_settings.Options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PublishingLog.ConnectFailed(_logger, _settings.Endpoint, ex.GetType().Name, ex.InnerException?.Message ?? ex.Message);
            return false;
        }

        if (result.ResultCode == MqttClientConnectResultCode.Success)
        {
            PublishingLog.Connected(_logger, _settings.Endpoint, _settings.Options.ClientId, result.IsSessionPresent, _outbox.Depth);
            return !UseReceipts || await _publisher.SubscribeReceiptsAsync(_client, cancellationToken);
        }

        if (result.ResultCode is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized
            or MqttClientConnectResultCode.Banned or MqttClientConnectResultCode.BadAuthenticationMethod)
        {
            PublishingLog.CredentialsRefused(_logger, _settings.Endpoint, _settings.Username, result.ResultCode, result.ReasonString);
        }
        else
        {
            PublishingLog.ConnectRefused(_logger, _settings.Endpoint, result.ResultCode, result.ReasonString);
        }

        return false;
    }

    /// <summary>Publishes until the connection is lost. Returns true when at least one batch was acknowledged.</summary>
    private async Task<bool> RunSessionAsync(CancellationToken cancellationToken)
    {
        // Everything stored before this point is backlog; anything stored later is live.
        var queue = new SendQueue(_outbox, _awaiting);
        var bucket = new TokenBucket(_options.BacklogBatchesPerSecond, _options.BacklogBatchesPerSecond, _time);
        var nextStatus = _time.GetUtcNow();
        var acknowledged = false;
        var failures = 0;

        while (_client.IsConnected && !cancellationToken.IsCancellationRequested)
        {
            if (_time.GetUtcNow() >= nextStatus)
            {
                // The size cap drops the oldest batches; stop waiting for receipts of batches that are gone.
                _awaiting.ForgetBelow(_outbox.OldestSequence ?? _outbox.NextSequence);
                await _publisher.PublishStatusAsync(_client, OnlineStatus(), cancellationToken);
                nextStatus = _time.GetUtcNow() + _options.StatusInterval;
            }

            var untilStatus = nextStatus - _time.GetUtcNow();
            var next = queue.NextLive() is { } live ? new SendQueue.Candidate(live, Resend: false) : (SendQueue.Candidate?)null;
            if (next is null && queue.NextBacklog() is { } old)
            {
                var wait = bucket.TryTake();
                if (wait > TimeSpan.Zero)
                {
                    await WaitAsync(wait < untilStatus ? wait : untilStatus, cancellationToken);
                    continue;
                }

                next = old;
            }

            if (next is not { } candidate)
            {
                var untilDue = _awaiting.UntilNextDue();
                await WaitAsync(untilDue != Timeout.InfiniteTimeSpan && untilDue < untilStatus ? untilDue : untilStatus, cancellationToken);
                continue;
            }

            if (_outbox.Get(candidate.Sequence) is not { } entry)
            {
                // Confirmed, refused or dropped since it was picked.
                _awaiting.Forget(candidate.Sequence);
                continue;
            }

            if (await SendAsync(entry, candidate.Resend, queue, cancellationToken) is { } ok)
            {
                acknowledged |= ok;
                failures = 0;
                continue;
            }

            _counters.AddRetried();
            if (!_client.IsConnected || ++failures >= 3)
            {
                // Lost, timed out or repeatedly refused: reset the connection and let the backoff pace retries.
                return acknowledged;
            }

            await WaitAsync(_backoff.Next(failures), cancellationToken);
        }

        return acknowledged;
    }

    /// <summary>Publishes one batch. Returns true when acknowledged, false when quarantined, null when it should be retried.</summary>
    private async Task<bool?> SendAsync(OutboxEntry entry, bool resend, SendQueue queue, CancellationToken cancellationToken)
    {
        var kind = resend ? "resend" : entry.Sequence > queue.BacklogCeiling ? "live" : "backlog";
        if (UseReceipts)
        {
            var attempt = _awaiting.BeginAttempt(entry.Sequence);
            if (resend)
            {
                _counters.AddRetried();
                PublishingLog.Resending(_logger, entry.Sequence, attempt);
            }
        }

        var outcome = PublishOutcome.Retry;
        try
        {
            outcome = await _publisher.PublishAsync(_client, entry, cancellationToken);
        }
        finally
        {
            if (outcome != PublishOutcome.Acknowledged)
            {
                _awaiting.NotAcknowledged(entry.Sequence);
            }
        }

        switch (outcome)
        {
            case PublishOutcome.Acknowledged:
                _counters.AddAcknowledged();
                if (UseReceipts)
                {
                    _awaiting.Acknowledged(entry.Sequence);
                }
                else if (_outbox.Remove(entry.Sequence))
                {
                    _counters.AddSent();
                }

                queue.Done(entry.Sequence);
                PublishingLog.Acknowledged(_logger, entry.Sequence, kind);
                return true;
            case PublishOutcome.Invalid:
                _awaiting.Forget(entry.Sequence);
                _outbox.Quarantine(entry.Sequence, _publisher.InvalidReason ?? "unreadable payload");
                queue.Done(entry.Sequence);
                return false;
            default:
                return null;
        }
    }

    /// <summary>Waits for the timeout, a newly stored batch or a lost connection, whichever comes first.</summary>
    private async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var appended = _outbox.Appended.WaitAsync(cts.Token);
        var lost = _connectionLost.WaitAsync(cts.Token);
        var delay = Task.Delay(timeout, _time, cts.Token);
        await Task.WhenAny(appended, lost, delay);
        await cts.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private DeviceStatus OnlineStatus() => new()
    {
        Version = 1,
        State = DeviceState.Online,
        At = _time.GetUtcNow(),
        LastSequence = _counters.LastSequence,
        OutboxDepth = _counters.OutboxDepth,
        Sent = _counters.Sent,
        Retried = _counters.Retried,
        AwaitingReceipt = _counters.AwaitingReceipt,
        Refused = _counters.Refused,
        Dropped = _counters.Dropped,
        AgentVersion = AgentVersion.Current,
    };

    /// <summary>On shutdown: replace the retained status with offline, then disconnect cleanly (which suppresses the will).</summary>
    private async Task GoOfflineAsync()
    {
        _stopping = true;
        if (!_client.IsConnected)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(ShutdownTimeout, _time);
        var offline = new DeviceStatus { Version = 1, State = DeviceState.Offline, At = _time.GetUtcNow() };
        await _publisher.PublishStatusAsync(_client, offline, timeout.Token);
        try
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || timeout.IsCancellationRequested)
        {
            PublishingLog.ConnectFailed(_logger, _settings.Endpoint, ex.GetType().Name, ex.Message);
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        if (e.ClientWasConnected && !_stopping)
        {
            PublishingLog.Disconnected(_logger, _settings.Endpoint, e.Reason, e.ReasonString ?? e.Exception?.Message);
        }

        _connectionLost.Notify();
        return Task.CompletedTask;
    }
}
