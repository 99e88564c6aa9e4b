using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;
using EdgeCredit.Collector.Ingest;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Broker;

/// <summary>
/// Reads signals and status from an external broker (mosquitto, EMQX) through a shared subscription, with a
/// persistent MQTT 5 session. Messages are acknowledged manually, in order, only after their commit; the
/// receive handler only validates and queues, so many messages are in flight at once (up to ReceiveMaximum).
/// The reconnect loop lives here, never in the Disconnected event. The same connection publishes the delivery
/// receipts (QoS 1, not retained) to <c>edgecredit/v1/{enterprise}/{device}/receipts</c>; while it is down they
/// are dropped and counted, and the agents send those batches again. With an external broker the receipt is
/// the only end-to-end proof of storage: the broker's PUBACK to a device only says the broker has the batch.
/// </summary>
internal sealed partial class ExternalBrokerClient(
    SignalIngestor ingestor,
    IOptions<BrokerOptions> options,
    IOptions<IngestOptions> ingestOptions,
    BrokerReadiness readiness,
    TimeProvider time,
    ILogger<ExternalBrokerClient> logger) : BackgroundService, IReceiptTransport
{
    private readonly BrokerOptions _options = options.Value;
    private readonly ushort _receiveMaximum = (ushort)Math.Clamp(ingestOptions.Value.QueueCapacity, 1, ushort.MaxValue);
    private readonly Channel<PendingAck> _acks = Channel.CreateUnbounded<PendingAck>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Channel<ParseItem> _parse = Channel.CreateBounded<ParseItem>(new BoundedChannelOptions(1024) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
    private TaskCompletionSource _connectionLost = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IMqttClient? _client;

    public async Task<ReceiptPublishResult> PublishReceiptAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (_client is not { IsConnected: true } client || !readiness.IsReady)
        {
            return ReceiptPublishResult.Dropped("not connected to the MQTT broker");
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            // QoS 0: on a shared, busy client connection a PUBACK per receipt costs as much as the ingest itself,
            // and a lost receipt is harmless (the agent resends after its ReceiptTimeout; dedupe answers again).
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .WithRetainFlag(false)
            .Build();
        var result = await client.PublishAsync(message, cancellationToken);
        return result.IsSuccess
            ? ReceiptPublishResult.Delivered
            : ReceiptPublishResult.Dropped($"the broker answered {result.ReasonCode} {result.ReasonString}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        _client = client;
        client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e, stoppingToken);
        client.DisconnectedAsync += e =>
        {
            // Only signal the loop; reconnecting from inside this event can deadlock the client.
            Volatile.Read(ref _connectionLost).TrySetResult();
            return Task.CompletedTask;
        };

        var ackLoop = AcknowledgeInOrderAsync(stoppingToken);
        var parsers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => ParseLoopAsync(stoppingToken)).ToArray();
        var delay = _options.ReconnectMin;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref _connectionLost, lost);
                try
                {
                    if (await ConnectAndSubscribeAsync(client, stoppingToken))
                    {
                        delay = _options.ReconnectMin;
                        readiness.Set(true);
                        await lost.Task.WaitAsync(stoppingToken);
                        readiness.Set(false);
                        LogDisconnected(logger, _options.Host, _options.Port);
                    }
                }
                catch (Exception ex) when (ex is MqttCommunicationException or IOException or System.Net.Sockets.SocketException or TimeoutException)
                {
                    LogConnectFailed(logger, ex, _options.Host, _options.Port);
                }

                var wait = Jitter(delay);
                LogReconnecting(logger, wait);
                await Task.Delay(wait, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMax.Ticks));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _client = null;
            _parse.Writer.TryComplete();
            await Task.WhenAll(parsers);
            _acks.Writer.TryComplete();
            await ackLoop;
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token);
            }
        }
    }

    private async Task<bool> ConnectAndSubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId(_options.ClientId)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)_options.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum(_receiveMaximum)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        if (!string.IsNullOrEmpty(_options.Username))
        {
            builder.WithCredentials(_options.Username, _options.Password);
        }

        if (_options.UseTls)
        {
            builder.WithTlsOptions(BrokerTls.Build(_options));
        }

        var result = await client.ConnectAsync(builder.Build(), cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            LogConnectRefused(logger, _options.Host, _options.Port, result.ResultCode, result.ReasonString);
            return false;
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"$share/{_options.SharedGroup}/{EdgeCredit.Protocol.Topics.Root}/+/+/{EdgeCredit.Protocol.Topics.Signals}", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"$share/{_options.SharedGroup}/{EdgeCredit.Protocol.Topics.Root}/+/+/{EdgeCredit.Protocol.Topics.Status}", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var granted = await client.SubscribeAsync(subscribe, cancellationToken);
        foreach (var item in granted.Items)
        {
            if (item.ResultCode > MqttClientSubscribeResultCode.GrantedQoS2)
            {
                LogSubscribeRefused(logger, item.TopicFilter.Topic, item.ResultCode);
            }
        }

        LogConnected(logger, _options.Host, _options.Port, _options.ClientId, result.IsSessionPresent);
        return true;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e, CancellationToken stoppingToken)
    {
        // Acknowledged later by AcknowledgeInOrderAsync, in arrival order. Parsing and validation happen on the
        // parser tasks, so this handler (the client's one receive loop) only copies the payload and queues it.
        e.AutoAcknowledge = false;
        var topic = e.ApplicationMessage.Topic;

        // The broker's ACL binds credentials to topics, so the topic's device is the sender. The payload is copied
        // because the client may reuse its buffer once this handler returns.
        var message = new IncomingMessage(topic, new ReadOnlySequence<byte>(e.ApplicationMessage.Payload.ToArray()), ClientId: null, AuthenticatedDevice: null);
        var committed = new TaskCompletionSource<IngestOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _acks.Writer.WriteAsync(new PendingAck(committed.Task, e), stoppingToken);
            await _parse.Writer.WriteAsync(new ParseItem(message, committed), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: not acknowledged, the broker keeps it in our session.
            committed.TrySetCanceled(stoppingToken);
        }
    }

    private async Task ParseLoopAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in _parse.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                var committed = DeviceTopics.IsStatus(item.Message.Topic, out _)
                    ? await ingestor.SubmitStatusAsync(item.Message, stoppingToken)
                    : await ingestor.SubmitSignalsAsync(item.Message, stoppingToken);
                _ = committed.ContinueWith(
                    static (task, state) => ((TaskCompletionSource<IngestOutcome>)state!).TrySetFromTask(task),
                    item.Committed,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
                item.Committed.TrySetCanceled(stoppingToken);
            }
            catch (Exception ex)
            {
                // Never let a parser task die; the message stays unacknowledged and is redelivered after a reconnect.
                LogAckFailed(logger, ex, item.Message.Topic);
                item.Committed.TrySetException(ex);
            }
        }
    }

    /// <summary>A received message on its way to validation, with the task the acknowledgement waits for.</summary>
    private sealed record ParseItem(IncomingMessage Message, TaskCompletionSource<IngestOutcome> Committed);

    private async Task AcknowledgeInOrderAsync(CancellationToken stoppingToken)
    {
        await foreach (var pending in _acks.Reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await pending.Committed;
                await pending.Message.AcknowledgeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                // Not committed or stopping: leave it unacknowledged so the broker redelivers it.
            }
            catch (MqttCommunicationException ex)
            {
                // The connection that delivered it is gone; the broker redelivers it and dedupe answers the identical copy as already stored.
                LogAckFailed(logger, ex, pending.Message.ApplicationMessage.Topic);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // This loop must never die: without acknowledgements the broker stops delivering once its in-flight
                // window is full, and ingest stalls. An unacknowledged message is redelivered after a reconnect.
                LogAckFailed(logger, ex, pending.Message.ApplicationMessage.Topic);
            }
        }
    }

    private static TimeSpan Jitter(TimeSpan delay)
    {
        // Full jitter between half and the whole delay, so a fleet of collectors does not reconnect in step.
        var half = delay.Ticks / 2;
        return TimeSpan.FromTicks(half + (long)(RandomNumberGenerator.GetInt32(1_000_000) / 1_000_000.0 * half));
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    private static partial void LogConnected(ILogger logger, string? host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Disconnected from MQTT broker {Host}:{Port}")]
    private static partial void LogDisconnected(ILogger logger, string? host, int port);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Could not connect to MQTT broker {Host}:{Port}")]
    private static partial void LogConnectFailed(ILogger logger, Exception exception, string? host, int port);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error, Message = "MQTT broker {Host}:{Port} refused the connection: {ResultCode} {ReasonString}")]
    private static partial void LogConnectRefused(ILogger logger, string? host, int port, MqttClientConnectResultCode resultCode, string? reasonString);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "MQTT broker refused the subscription {TopicFilter}: {ResultCode}")]
    private static partial void LogSubscribeRefused(ILogger logger, string topicFilter, MqttClientSubscribeResultCode resultCode);

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "Reconnecting in {Delay}")]
    private static partial void LogReconnecting(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "Could not acknowledge a message on {Topic}; the broker will redeliver it")]
    private static partial void LogAckFailed(ILogger logger, Exception exception, string topic);
}
