namespace EdgeCredit.Agent.Capture;

/// <summary>A second output of a camera's ffmpeg: a grey picture <paramref name="Width"/> px wide (height from the aspect ratio) every 1 / <paramref name="Fps"/> s, renamed over <paramref name="Path"/>.</summary>
internal sealed record CameraStillOutput(string Path, double Fps, int Width);
