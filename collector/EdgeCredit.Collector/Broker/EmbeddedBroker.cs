using System.Collections;
using System.Net;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Storage;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Broker;

/// <summary>
/// The embedded MQTT broker. Devices log in with their id and secret; a signals publish is validated and
/// written before the interceptor returns, so the PUBACK leaves only after the batch (or its quarantine
/// record) is committed. After the commit the collector also injects a delivery receipt on the device's
/// <c>receipts</c> topic (which the device may subscribe to, being in its own subtree; only the collector may
/// publish there). Signals are not forwarded to subscribers; status messages are stored and retained.
/// </summary>
internal sealed partial class EmbeddedBroker(
    DeviceRegistry registry,
    SignalIngestor ingestor,
    IOptions<BrokerOptions> options,
    BrokerReadiness readiness,
    TimeProvider time,
    ILogger<EmbeddedBroker> logger) : IHostedService, IReceiptTransport, IDisposable
{
    /// <summary>Sender client id of the receipts the collector injects.</summary>
    public const string CollectorClientId = "collector";

    // Passed as the session items of every injected receipt: a device's connection can never present this
    // object, so it (unlike a client id) proves that a publish comes from the collector itself.
    private readonly Hashtable _collectorSession = new();
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var value = options.Value;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(value.BindAddress))
            .WithDefaultEndpointPort(value.Port)
            .Build();
        var server = new MqttServerFactory().CreateMqttServer(serverOptions);
        server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        server.InterceptingSubscriptionAsync += OnInterceptingSubscriptionAsync;
        server.InterceptingPublishAsync += OnInterceptingPublishAsync;
        server.ClientConnectedAsync += OnClientConnectedAsync;
        server.ClientDisconnectedAsync += OnClientDisconnectedAsync;
        _server = server;
        await server.StartAsync();
        readiness.Set(true);
        LogStarted(logger, value.BindAddress, value.Port);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync(new MqttServerStopOptions());
            LogStopped(logger);
        }
    }

    public void Dispose() => _server?.Dispose();

    public async Task<ReceiptPublishResult> PublishReceiptAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        if (_server is not { IsStarted: true } server)
        {
            return ReceiptPublishResult.Dropped("the embedded broker is not running");
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(false)
            .Build();
        var injected = new InjectedMqttApplicationMessage(message) { SenderClientId = CollectorClientId, CustomSessionItems = _collectorSession };
        await server.InjectApplicationMessage(injected, cancellationToken);
        return ReceiptPublishResult.Delivered;
    }

    private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        var check = registry.CheckCredentials(e.UserName, e.Password);
        e.ReasonCode = check switch
        {
            CredentialCheck.Accepted => MqttConnectReasonCode.Success,
            CredentialCheck.MissingCredentials => MqttConnectReasonCode.NotAuthorized,
            _ => MqttConnectReasonCode.BadUserNameOrPassword,
        };
        if (check != CredentialCheck.Accepted)
        {
            LogConnectionRefused(logger, e.ClientId, e.UserName, e.RemoteEndPoint?.ToString(), check);
        }

        return Task.CompletedTask;
    }

    private Task OnInterceptingSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var filter = e.TopicFilter.Topic;
        if (!registry.TryGetDevice(e.UserName, out var device) || !DeviceTopics.IsInSubtree(filter, device.Enterprise, device.Id))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            LogSubscriptionRefused(logger, e.ClientId, e.UserName, filter);
        }

        return Task.CompletedTask;
    }

    private async Task OnInterceptingPublishAsync(InterceptingPublishEventArgs e)
    {
        if (ReferenceEquals(e.SessionItems, _collectorSession))
        {
            // A receipt the collector injected: deliver it to the device's subscription.
            return;
        }

        var topic = e.ApplicationMessage.Topic;
        try
        {
            if (DeviceTopics.IsSignals(topic, out _))
            {
                // Always ingested, even under another device's topic: that is quarantined as topic_mismatch.
                e.ProcessPublish = false;
                var message = new IncomingMessage(topic, e.ApplicationMessage.Payload, e.ClientId, e.UserName ?? string.Empty);
                var outcome = await ingestor.IngestSignalsAsync(message, e.CancellationToken);
                if (outcome.Result == IngestResult.Quarantined)
                {
                    LogQuarantined(logger, e.ClientId, topic, outcome.Reason, outcome.Detail);
                }

                return;
            }

            if (!registry.TryGetDevice(e.UserName, out var device) || !DeviceTopics.IsInSubtree(topic, device.Enterprise, device.Id) || DeviceTopics.IsReceipts(topic))
            {
                e.ProcessPublish = false;
                e.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
                LogPublishRefused(logger, e.ClientId, e.UserName, topic);
                return;
            }

            if (DeviceTopics.IsStatus(topic, out _))
            {
                var message = new IncomingMessage(topic, e.ApplicationMessage.Payload, e.ClientId, device.Id);
                var outcome = await (await ingestor.SubmitStatusAsync(message, e.CancellationToken)).WaitAsync(e.CancellationToken);
                if (outcome.Result == IngestResult.Quarantined)
                {
                    e.ProcessPublish = false;
                    e.Response.ReasonCode = MqttPubAckReasonCode.PayloadFormatInvalid;
                    LogQuarantined(logger, e.ClientId, topic, outcome.Reason, outcome.Detail);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Not committed, so neither acknowledged nor receipted: the device keeps the batch and sends it again.
            e.ProcessPublish = false;
            e.CloseConnection = true;
        }
    }

    private async Task OnClientConnectedAsync(ClientConnectedEventArgs e)
    {
        if (registry.TryGetDevice(e.UserName, out var device))
        {
            LogClientConnected(logger, e.ClientId, device.Id);
            await UpdateDeviceAsync(new DeviceUpdate(device.Id, device.Enterprise, time.GetUtcNow().ToUnixTimeMilliseconds(), Online: true));
        }
    }

    private async Task OnClientDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        // A takeover means the same client connected again; the new connection keeps the device online.
        if (e.DisconnectType != MqttClientDisconnectType.Takeover && registry.TryGetDevice(e.UserName, out var device))
        {
            LogClientDisconnected(logger, e.ClientId, device.Id, e.DisconnectType);
            await UpdateDeviceAsync(new DeviceUpdate(device.Id, device.Enterprise, time.GetUtcNow().ToUnixTimeMilliseconds(), Online: false));
        }
    }

    private async Task UpdateDeviceAsync(DeviceUpdate update)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await (await ingestor.SubmitDeviceAsync(update, timeout.Token)).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            LogDeviceUpdateSkipped(logger, update.Device);
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {BindAddress}:{Port}")]
    private static partial void LogStarted(ILogger logger, string bindAddress, int port);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "Embedded MQTT broker stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 202, Level = LogLevel.Warning, Message = "Refused MQTT connection of client {ClientId} as user {UserName} from {RemoteEndPoint}: {Check}")]
    private static partial void LogConnectionRefused(ILogger logger, string clientId, string? userName, string? remoteEndPoint, CredentialCheck check);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Refused subscription of client {ClientId} (device {UserName}) to {TopicFilter}: outside its own subtree")]
    private static partial void LogSubscriptionRefused(ILogger logger, string clientId, string? userName, string topicFilter);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Refused publish of client {ClientId} (device {UserName}) to {Topic}: outside its own subtree, or a receipts topic")]
    private static partial void LogPublishRefused(ILogger logger, string clientId, string? userName, string topic);

    [LoggerMessage(EventId = 205, Level = LogLevel.Warning, Message = "Quarantined message of client {ClientId} on {Topic}: {Reason} {Detail}")]
    private static partial void LogQuarantined(ILogger logger, string clientId, string topic, EdgeCredit.Protocol.RejectReason? reason, string? detail);

    [LoggerMessage(EventId = 206, Level = LogLevel.Information, Message = "Device {Device} connected as client {ClientId}")]
    private static partial void LogClientConnected(ILogger logger, string clientId, string device);

    [LoggerMessage(EventId = 207, Level = LogLevel.Information, Message = "Device {Device} (client {ClientId}) disconnected: {DisconnectType}")]
    private static partial void LogClientDisconnected(ILogger logger, string clientId, string device, MqttClientDisconnectType disconnectType);

    [LoggerMessage(EventId = 208, Level = LogLevel.Warning, Message = "Could not record the connection state of device {Device}: the writer did not commit in time")]
    private static partial void LogDeviceUpdateSkipped(ILogger logger, string device);
}
