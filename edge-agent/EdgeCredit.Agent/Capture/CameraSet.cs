namespace EdgeCredit.Agent.Capture;

/// <summary>The cameras of this gateway, one <see cref="FfmpegCamera"/> per configured source. Owns them.</summary>
internal sealed class CameraSet(IReadOnlyList<FfmpegCamera> cameras) : IDisposable
{
    public IReadOnlyList<FfmpegCamera> Cameras { get; } = cameras;

    public void Dispose()
    {
        foreach (var camera in Cameras)
        {
            camera.Dispose();
        }
    }
}
