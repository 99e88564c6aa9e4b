using MQTTnet;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Publishing;

internal static partial class PublishingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Connected to broker {Endpoint} as {ClientId} (session present: {SessionPresent}); {Backlog} batches in the backlog")]
    public static partial void Connected(ILogger logger, string endpoint, string clientId, bool sessionPresent, long backlog);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Broker {Endpoint} refused user {Username}: {ResultCode} {ReasonString}. Check Publishing:Username and Publishing:Password (or the client certificate) and the broker's password file/ACL")]
    public static partial void CredentialsRefused(ILogger logger, string endpoint, string username, MqttClientConnectResultCode resultCode, string? reasonString);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Broker {Endpoint} refused the connection: {ResultCode} {ReasonString}")]
    public static partial void ConnectRefused(ILogger logger, string endpoint, MqttClientConnectResultCode resultCode, string? reasonString);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Connecting to broker {Endpoint} failed: {ErrorType}: {Error}")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string errorType, string error);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Next connection attempt to {Endpoint} in {Delay}")]
    public static partial void Backoff(ILogger logger, string endpoint, TimeSpan delay);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Disconnected from broker {Endpoint}: {Reason} {ReasonString}")]
    public static partial void Disconnected(ILogger logger, string endpoint, MqttClientDisconnectReason reason, string? reasonString);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Batch {Sequence} not acknowledged: {ReasonCode} {ReasonString}; it stays in the outbox")]
    public static partial void PublishRefused(ILogger logger, long sequence, MqttClientPublishReasonCode reasonCode, string? reasonString);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Batch {Sequence} got no PUBACK within {Timeout}; it stays in the outbox and the connection is reset")]
    public static partial void PublishTimedOut(ILogger logger, long sequence, TimeSpan timeout);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Warning, Message = "Publishing batch {Sequence} failed: {ErrorType}: {Error}; it stays in the outbox")]
    public static partial void PublishFailed(ILogger logger, long sequence, string errorType, string error);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Publishing the status failed: {ErrorType}: {Error}")]
    public static partial void StatusFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Error, Message = "Publisher loop failed; it carries on after a pause")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Debug, Message = "Batch {Sequence} acknowledged ({Kind})")]
    public static partial void Acknowledged(ILogger logger, long sequence, string kind);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Error, Message = "Broker refused the subscription to {Topic}: {ResultCode}; without receipts no batch is confirmed and the outbox only grows. Allow the device to read its receipts topic in the broker's ACL")]
    public static partial void ReceiptsSubscriptionRefused(ILogger logger, string topic, string resultCode);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning, Message = "Ignored a malformed receipt ({Bytes} bytes): {Error}")]
    public static partial void ReceiptMalformed(ILogger logger, long bytes, string error);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Warning, Message = "Batch {Sequence} refused by the collector: {Reason}: {Detail}; moved to the outbox quarantine, never sent again")]
    public static partial void BatchRefused(ILogger logger, long sequence, string reason, string detail);

    [LoggerMessage(EventId = 5016, Level = LogLevel.Debug, Message = "Receipt: {Stored} stored ({Removed} removed from the outbox), {Refused} refused")]
    public static partial void ReceiptApplied(ILogger logger, int stored, int removed, int refused);

    [LoggerMessage(EventId = 5017, Level = LogLevel.Debug, Message = "Batch {Sequence} got no receipt in time; sending it again (attempt {Attempt})")]
    public static partial void Resending(ILogger logger, long sequence, int attempt);

    [LoggerMessage(EventId = 5018, Level = LogLevel.Error, Message = "Handling a message on {Topic} failed")]
    public static partial void ReceiptFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 5019, Level = LogLevel.Warning, Message = "Subscribing to {Topic} failed: {ErrorType}: {Error}; the connection is reset")]
    public static partial void ReceiptsSubscriptionFailed(ILogger logger, string topic, string errorType, string error);
}
