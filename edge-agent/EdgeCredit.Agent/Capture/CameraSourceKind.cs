namespace EdgeCredit.Agent.Capture;

/// <summary>How a camera's <see cref="CameraOptions.Url"/> is opened.</summary>
internal enum CameraSourceKind
{
    /// <summary>Not a supported form.</summary>
    Unsupported,

    /// <summary><c>rtsp://</c> or <c>rtsps://</c>: an IP camera's RTSP stream, read over TCP.</summary>
    Rtsp,

    /// <summary><c>http://</c> or <c>https://</c>: an MJPEG stream (<c>multipart/x-mixed-replace</c>) or any stream ffmpeg reads.</summary>
    Http,

    /// <summary><c>/dev/videoN</c>: a V4L2 device (USB camera).</summary>
    Device,

    /// <summary>A video file (absolute or relative path).</summary>
    File,
}
