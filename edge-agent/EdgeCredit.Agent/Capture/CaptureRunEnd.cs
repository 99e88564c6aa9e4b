namespace EdgeCredit.Agent.Capture;

/// <summary>How one ffmpeg run of a camera ended.</summary>
/// <param name="Reason">Why it ended, for the Offline link change and the log (passwords masked).</param>
/// <param name="Stalled">The watchdog killed ffmpeg because frames stopped while streaming.</param>
/// <param name="Frames">Frames read in this run.</param>
/// <param name="StreamedFor">Time from the first frame to the end (zero when no frame came).</param>
/// <param name="CannotRun">ffmpeg itself could not be started.</param>
internal readonly record struct CaptureRunEnd(string Reason, bool Stalled, long Frames, TimeSpan StreamedFor, bool CannotRun = false)
{
    public bool Streamed => Frames > 0;
}
