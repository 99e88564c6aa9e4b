using System.Buffers;
using System.Text.Json;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// Validates MQTT messages and hands them to the writer. A submit returns once the message is queued;
/// the returned task completes after the write transaction that holds it committed (acknowledge then).
/// A signals message also carries what its receipt needs: the device and sequence, when they can be trusted.
/// </summary>
internal sealed class SignalIngestor(
    IngestQueue queue,
    DeviceRegistry registry,
    IOptions<IngestOptions> options,
    TimeProvider time)
{
    private readonly IngestOptions _options = options.Value;

    /// <summary>Validates a message from a <c>signals</c> topic and queues it (waiting while the queue is full).</summary>
    public async ValueTask<Task<IngestOutcome>> SubmitSignalsAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var item = CheckSignals(message);
        await queue.WriteAsync(item, cancellationToken);
        return item.Completion.Task;
    }

    /// <summary>Validates a message from a <c>status</c> topic and queues the device update (or its quarantine record).</summary>
    public async ValueTask<Task<IngestOutcome>> SubmitStatusAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var item = CheckStatus(message);
        await queue.WriteAsync(item, cancellationToken);
        return item.Completion.Task;
    }

    /// <summary>Queues a device connection change.</summary>
    public async ValueTask<Task<IngestOutcome>> SubmitDeviceAsync(DeviceUpdate update, CancellationToken cancellationToken)
    {
        var item = new DeviceWrite(update);
        await queue.WriteAsync(item, cancellationToken);
        return item.Completion.Task;
    }

    /// <summary>Submits and waits for the commit.</summary>
    public async Task<IngestOutcome> IngestSignalsAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        await (await SubmitSignalsAsync(message, cancellationToken)).WaitAsync(cancellationToken);

    internal WriteItem CheckSignals(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        var payload = message.Payload;
        var origin = new MessageOrigin(now.ToUnixTimeMilliseconds(), message.Topic, message.ClientId, payload.Length, Head(payload));
        if (payload.Length > ProtocolLimits.MaxPayloadBytes)
        {
            return new QuarantineWrite(origin.Quarantine(RejectReason.TooLarge, $"payload is {payload.Length} bytes; the limit is {ProtocolLimits.MaxPayloadBytes}"));
        }

        var check = SignalBatchParser.Parse(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());
        var parsed = check.Parsed;
        if (!check.IsValid)
        {
            // A batch that parsed but broke a rule still names its device and sequence: that device is told it was refused.
            var receipt = parsed is not null && CheckAddress(message, parsed) is null ? Address(parsed) : (ReceiptAddress?)null;
            return new QuarantineWrite(origin.Quarantine(check.Reason!.Value, check.Detail ?? "refused by the v1 parser"), receipt);
        }

        var batch = check.Batch!;
        if (CheckAddress(message, batch) is { } address)
        {
            // Who sent it is not established, so nobody gets a receipt.
            return new QuarantineWrite(origin.Quarantine(address.Reason, address.Detail));
        }

        if (CheckClock(batch, now) is { } clock)
        {
            return new QuarantineWrite(origin.Quarantine(clock.Reason, clock.Detail), Address(batch));
        }

        return new BatchWrite(batch, SignalsHash.Of(batch.Signals, batch.Events), origin);
    }

    internal WriteItem CheckStatus(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var payload = message.Payload;
        var head = Head(payload);
        if (!Topics.TryParse(message.Topic, out var address) || address.Channel != Topics.Status)
        {
            return Quarantine(message, nowMs, head, RejectReason.TopicMismatch, $"topic '{Clip(message.Topic)}' is not {Topics.Root}/{{enterprise}}/{{device}}/{Topics.Status}");
        }

        if (!registry.TryGetDevice(address.Device, out var device) || device.Enterprise != address.Enterprise)
        {
            return Quarantine(message, nowMs, head, RejectReason.UnknownDevice, $"device '{Clip(address.Device)}' of enterprise '{Clip(address.Enterprise)}' is not in the registry");
        }

        if (payload.Length > ProtocolLimits.MaxPayloadBytes)
        {
            return Quarantine(message, nowMs, head, RejectReason.TooLarge, $"status payload is {payload.Length} bytes; the limit is {ProtocolLimits.MaxPayloadBytes}");
        }

        DeviceStatus? status;
        try
        {
            status = ProtocolJson.DeserializeStatus(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray());
        }
        catch (JsonException ex)
        {
            return Quarantine(message, nowMs, head, RejectReason.SchemaViolation, $"status is not a v1 DeviceStatus: {Clip(ex.Message, 200)}");
        }

        if (status is null || status.Version != SignalBatch.CurrentVersion)
        {
            return Quarantine(message, nowMs, head, RejectReason.UnsupportedVersion, $"status version {status?.Version} is not supported; this collector speaks version {SignalBatch.CurrentVersion}");
        }

        return new DeviceWrite(new DeviceUpdate(
            address.Device,
            address.Enterprise,
            nowMs,
            status.State == DeviceState.Online,
            status.LastSequence,
            status.OutboxDepth,
            status.At?.ToUnixTimeMilliseconds() ?? nowMs));
    }

    private (RejectReason Reason, string Detail)? CheckAddress(IncomingMessage message, SignalBatch batch)
    {
        if (!Topics.TryParse(message.Topic, out var address) || address.Channel != Topics.Signals)
        {
            return (RejectReason.TopicMismatch, $"topic '{Clip(message.Topic)}' is not {Topics.Root}/{{enterprise}}/{{device}}/{Topics.Signals}");
        }

        if (address.Enterprise != batch.Enterprise || address.Device != batch.Device)
        {
            return (RejectReason.TopicMismatch, $"topic names {Clip(address.Enterprise)}/{Clip(address.Device)} but the payload names {batch.Enterprise}/{batch.Device}");
        }

        if (!registry.TryGetDevice(batch.Device, out var device))
        {
            return (RejectReason.UnknownDevice, $"device '{batch.Device}' is not in the registry");
        }

        if (device.Enterprise != batch.Enterprise)
        {
            return (RejectReason.UnknownDevice, $"device '{batch.Device}' is registered to enterprise '{device.Enterprise}', not '{batch.Enterprise}'");
        }

        if (message.AuthenticatedDevice is { } authenticated && authenticated != batch.Device)
        {
            return (RejectReason.TopicMismatch, $"connection authenticated as device '{Clip(authenticated)}' published a batch of device '{batch.Device}'");
        }

        return null;
    }

    private (RejectReason Reason, string Detail)? CheckClock(SignalBatch batch, DateTimeOffset now)
    {
        var skew = _options.MaxClockSkew;
        // Only a future sentAt proves a wrong device clock: a past one is normal for a message that waited in a
        // broker's queue while this collector was down, and refusing it would lose good data.
        if (batch.SentAt > now + skew)
        {
            return (RejectReason.ClockSkew, $"sentAt {batch.SentAt:O} is {(batch.SentAt - now).TotalSeconds:F0} s ahead of the collector's clock {now:O}; allowed {skew.TotalSeconds:F0} s");
        }

        var oldest = now - _options.MaxSignalAge;
        for (var i = 0; i < batch.Signals.Count; i++)
        {
            var signal = batch.Signals[i];
            if (signal.End > now + skew)
            {
                return (RejectReason.ClockSkew, $"signals[{i}] ends at {signal.End:O}, after the collector's clock {now:O} plus {skew.TotalSeconds:F0} s");
            }

            if (signal.Start < oldest)
            {
                return (RejectReason.ClockSkew, $"signals[{i}] starts at {signal.Start:O}, more than {_options.MaxSignalAge.TotalDays:F0} days before the collector's clock {now:O}");
            }
        }

        return null;
    }

    private static ReceiptAddress Address(SignalBatch batch) => new(batch.Enterprise, batch.Device, batch.Sequence);

    private static QuarantineWrite Quarantine(IncomingMessage message, long nowMs, byte[] head, RejectReason reason, string detail) =>
        new(new QuarantineRecord(nowMs, message.Topic, message.ClientId, reason, detail, message.Payload.Length, head));

    private static byte[] Head(ReadOnlySequence<byte> payload) =>
        payload.Slice(0, Math.Min(payload.Length, QuarantineRecord.MaxHeadBytes)).ToArray();

    private static string Clip(string? value, int max = 80) =>
        value is null ? "(null)" : value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…");
}
