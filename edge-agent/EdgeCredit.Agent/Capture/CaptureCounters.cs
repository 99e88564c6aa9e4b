namespace EdgeCredit.Agent.Capture;

/// <summary>Thread-safe counters of one camera's capture.</summary>
internal sealed class CaptureCounters
{
    private long _decoded;
    private long _dropped;
    private long _reconnects;
    private long _stalls;
    private long _analysed;
    private long _failed;

    /// <summary>Frames read from the decoder.</summary>
    public long Decoded => Interlocked.Read(ref _decoded);

    /// <summary>Frames dropped from the full queue (oldest first) because the analysis fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Decoder restarts after a failure, an end of stream or a stall.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Times the watchdog found the stream stalled and restarted it.</summary>
    public long Stalls => Interlocked.Read(ref _stalls);

    /// <summary>Frames the analysis took from the queue and analysed (decoded = analysed + dropped + failed + queued).</summary>
    public long Analysed => Interlocked.Read(ref _analysed);

    /// <summary>Frames whose analysis threw (logged; the loop goes on).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    public void AddAnalysed() => Interlocked.Increment(ref _analysed);

    public void AddFailed() => Interlocked.Increment(ref _failed);

    public void AddDecoded() => Interlocked.Increment(ref _decoded);

    public void AddDropped() => Interlocked.Increment(ref _dropped);

    public void AddReconnect() => Interlocked.Increment(ref _reconnects);

    public void AddStall() => Interlocked.Increment(ref _stalls);
}
