using System.Text.Json;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCredit.Agent.Publishing;

/// <summary>
/// Sends one stored batch or one status message over a connected client and sorts the result into a
/// <see cref="PublishOutcome"/>; subscribes the client to its receipts.
/// </summary>
internal sealed class BatchPublisher(MqttConnectionSettings settings, TimeSpan publishTimeout, TimeProvider time, ILogger logger)
{
    /// <summary>Why the last <see cref="PublishOutcome.Invalid"/> batch cannot be sent.</summary>
    public string? InvalidReason { get; private set; }

    /// <summary>Publishes a stored batch with QoS 1 and waits for its PUBACK. sentAt is set to now.</summary>
    public async Task<PublishOutcome> PublishAsync(IMqttClient client, OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(entry);
        byte[] payload;
        try
        {
            var stored = JsonSerializer.Deserialize(entry.Payload.Span, ProtocolJson.Default.SignalBatch)
                ?? throw new JsonException("stored payload is JSON null");
            payload = ProtocolJson.Serialize(stored with { SentAt = time.GetUtcNow() });
        }
        catch (JsonException ex)
        {
            InvalidReason = $"stored payload is not a v1 batch: {ex.Message}";
            return PublishOutcome.Invalid;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(settings.SignalsTopic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .Build();
        using var timeout = new CancellationTokenSource(publishTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var result = await client.PublishAsync(message, linked.Token);
            if (result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                return PublishOutcome.Acknowledged;
            }

            PublishingLog.PublishRefused(logger, entry.Sequence, result.ReasonCode, result.ReasonString);
            return PublishOutcome.Retry;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            PublishingLog.PublishTimedOut(logger, entry.Sequence, publishTimeout);
            return PublishOutcome.Retry;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PublishingLog.PublishFailed(logger, entry.Sequence, ex.GetType().Name, ex.Message);
            return PublishOutcome.Retry;
        }
    }

    /// <summary>Publishes a retained status; returns false (and logs) when it was not acknowledged.</summary>
    public async Task<bool> PublishStatusAsync(IMqttClient client, DeviceStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(settings.StatusTopic)
            .WithPayload(ProtocolJson.Serialize(status))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true)
            .WithContentType("application/json")
            .Build();
        using var timeout = new CancellationTokenSource(publishTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var result = await client.PublishAsync(message, linked.Token);
            if (result.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                return true;
            }

            PublishingLog.StatusFailed(logger, result.ReasonCode.ToString(), result.ReasonString ?? string.Empty);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PublishingLog.StatusFailed(logger, ex.GetType().Name, ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Subscribes (QoS 1) to this device's receipts on every connect, session present or not. Returns false when the
    /// subscribe itself failed (the connection is reset); a refusal by the broker is logged as an error and the session
    /// goes on, since batches still reach the collector.
    /// </summary>
    public async Task<bool> SubscribeReceiptsAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var timeout = new CancellationTokenSource(publishTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var result = await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(settings.ReceiptsTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                linked.Token);
            var code = result.Items.Count > 0 ? result.Items.First().ResultCode : MqttClientSubscribeResultCode.UnspecifiedError;
            if (code is not (MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                PublishingLog.ReceiptsSubscriptionRefused(logger, settings.ReceiptsTopic, code.ToString());
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PublishingLog.ReceiptsSubscriptionFailed(logger, settings.ReceiptsTopic, ex.GetType().Name, ex.Message);
            return false;
        }
    }
}
