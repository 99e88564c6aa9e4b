namespace EdgeCredit.Agent.Capture;

/// <summary>A change of a camera's link state, with the reason (for example "ffmpeg exited with code 1: Connection refused").</summary>
internal readonly record struct CameraLinkChange(string Camera, CameraLinkState State, DateTimeOffset At, string Reason);
