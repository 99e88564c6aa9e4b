namespace EdgeCredit.Agent.Capture;

/// <summary>Whether a camera is delivering frames.</summary>
internal enum CameraLinkState
{
    /// <summary>Starting or reconnecting, nothing decoded yet.</summary>
    Connecting,

    /// <summary>Frames arrive.</summary>
    Streaming,

    /// <summary>The stream failed, ended or stalled; waiting for the next reconnect attempt.</summary>
    Offline,
}
