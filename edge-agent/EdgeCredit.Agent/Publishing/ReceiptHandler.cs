using System.Buffers;
using System.Text.Json;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace EdgeCredit.Agent.Publishing;

/// <summary>
/// Applies the collector's delivery receipts: stored batches leave the outbox (<c>sent</c>+1 each), refused batches
/// move to the outbox quarantine with the collector's reason (<c>refused</c>+1 each, never sent again). Runs on the
/// MQTT client's receive path, so it does one outbox transaction per receipt and never throws.
/// </summary>
internal sealed class ReceiptHandler(string receiptsTopic, OutboxStore outbox, AwaitingReceipts awaiting, AgentCounters counters, ILogger logger)
{
    /// <summary>The MQTT client's message handler: applies receipts at once and never throws.</summary>
    public Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var topic = e.ApplicationMessage.Topic;
        try
        {
            if (string.Equals(topic, receiptsTopic, StringComparison.Ordinal))
            {
                Handle(e.ApplicationMessage.Payload);
            }
        }
        catch (ObjectDisposedException)
        {
            // The outbox closed while shutting down; the receipt comes again (persistent session) or the batches are resent.
        }
        catch (Exception ex)
        {
            PublishingLog.ReceiptFailed(logger, topic, ex);
        }

        return Task.CompletedTask;
    }

    /// <summary>Handles one message from the receipts topic; a malformed receipt is logged and ignored.</summary>
    public void Handle(ReadOnlySequence<byte> payload)
    {
        DeliveryReceipt receipt;
        try
        {
            receipt = (payload.IsSingleSegment ? ProtocolJson.DeserializeReceipt(payload.FirstSpan) : ProtocolJson.DeserializeReceipt(payload.ToArray()))
                ?? throw new JsonException("the payload is JSON null");
        }
        catch (JsonException ex)
        {
            PublishingLog.ReceiptMalformed(logger, payload.Length, ex.Message);
            return;
        }

        if (receipt.Version != 1)
        {
            PublishingLog.ReceiptMalformed(logger, payload.Length, $"unsupported version {receipt.Version}");
            return;
        }

        Apply(receipt);
    }

    public void Apply(DeliveryReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var removed = outbox.Remove(receipt.Stored);
        foreach (var sequence in receipt.Stored)
        {
            awaiting.Forget(sequence);
        }

        counters.AddSent(removed);

        foreach (var refused in receipt.Refused)
        {
            var reason = ProtocolJson.EnumWireName(refused.Reason);
            awaiting.Forget(refused.Sequence);
            if (outbox.QuarantineRefused(refused.Sequence, $"refused by the collector: {reason}: {refused.Detail}"))
            {
                PublishingLog.BatchRefused(logger, refused.Sequence, reason, refused.Detail);
                counters.AddRefused();
            }
        }

        PublishingLog.ReceiptApplied(logger, receipt.Stored.Count, removed, receipt.Refused.Count);
    }
}
