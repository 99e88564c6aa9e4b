namespace EdgeCredit.Collector.TimeSeries;

/// <summary>The three outcomes of a write, as in Azure IoT Edge's sinks.</summary>
internal enum WriteStatus
{
    /// <summary>The server accepted the batch: advance the checkpoint.</summary>
    Succeeded,

    /// <summary>Network error, timeout, 5xx, 429, or a server that refuses our credentials or bucket: try the same batch again later.</summary>
    Retryable,

    /// <summary>The server refused the points themselves (4xx other than 429/401/403/404): record the range and move on.</summary>
    Invalid,
}
