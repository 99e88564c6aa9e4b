namespace EdgeCredit.Agent.Capture;

/// <summary>The cameras of this gateway. Section <c>Cameras</c>.</summary>
internal sealed class CamerasOptions
{
    public const string SectionName = "Cameras";

    /// <summary>The Debian ffmpeg that decodes every stream (network URLs, files, /dev/video*).</summary>
    public string FfmpegPath { get; set; } = "/usr/bin/ffmpeg";

    public IList<CameraOptions> Sources { get; } = [];
}
