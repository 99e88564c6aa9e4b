namespace EdgeCredit.Collector.TimeSeries;

/// <summary>The InfluxDB time-series sink (section <c>TimeSeries</c>). Off by default: the embedded collector needs no server.</summary>
internal sealed class TimeSeriesOptions
{
    public const string SectionName = "TimeSeries";

    /// <summary>When false (the default) the sink does nothing and the other keys are not checked.</summary>
    public bool Enabled { get; set; }

    /// <summary>Base URL of the InfluxDB 2.x server (or anything that speaks its <c>/api/v2/write</c>), e.g. http://influxdb:8086.</summary>
    public string? Url { get; set; }

    /// <summary>API token with write permission on <see cref="Bucket"/>.</summary>
    public string? Token { get; set; }

    public string? Org { get; set; }

    public string Bucket { get; set; } = "edgecredit";

    /// <summary>Measurement the signals are written to (one field, <c>value</c>).</summary>
    public string Measurement { get; set; } = "signal";

    /// <summary>Most points in one write request (and rows read from the store at a time).</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>How often the sink looks for new signals once it has caught up; the most a new signal waits.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First pause after a failed write; doubles (with jitter) up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for one write request.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The memory bound: most signals held in memory at once (read ahead from the store plus the batch being
    /// written). At least two batches, so that reading the next batch overlaps writing the current one.
    /// </summary>
    public int MaxBufferedPoints { get; set; } = 20_000;
}
