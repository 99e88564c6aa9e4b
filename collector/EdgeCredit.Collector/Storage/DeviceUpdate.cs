namespace EdgeCredit.Collector.Storage;

/// <summary>
/// A change to a device row: connected, disconnected, or a status report. Null members keep the stored value.
/// </summary>
internal sealed record DeviceUpdate(
    string Device,
    string Enterprise,
    long AtMs,
    bool? Online,
    long? LastSequence = null,
    long? OutboxDepth = null,
    long? StatusAtMs = null);
