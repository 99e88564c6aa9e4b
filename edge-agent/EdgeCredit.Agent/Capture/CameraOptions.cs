namespace EdgeCredit.Agent.Capture;

/// <summary>One camera. Item of <c>Cameras:Sources</c>.</summary>
internal sealed class CameraOptions
{
    /// <summary>Camera name, a protocol source name (camera health signals carry it).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary><c>rtsp://</c>, <c>http://</c> (MJPEG or any stream ffmpeg reads), a file path, or <c>/dev/videoN</c>.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Frames analysed per second (0.5 .. 30); ffmpeg drops or repeats frames to this rate.</summary>
    public double AnalysisFps { get; set; } = 5;

    /// <summary>Width of the analysed grey frame in pixels (64 .. 1920); the height keeps the aspect ratio (even).</summary>
    public int AnalysisWidth { get; set; } = 320;

    /// <summary>A file is played at its own frame rate (as a live camera would deliver it) and looped; false: as fast as it decodes (benchmarks).</summary>
    public bool FileRealTime { get; set; } = true;

    /// <summary>
    /// Decoder threads of the camera's ffmpeg (0 .. 16; 0: ffmpeg's own choice, one per core plus one). One thread costs
    /// the least CPU per frame, and a box with many cameras has a decoder per camera anyway; raise it only for a single
    /// camera whose stream one core cannot decode in real time (4K H.265, say).
    /// </summary>
    public int DecodeThreads { get; set; } = 1;

    /// <summary>
    /// Skip the H.264/H.265 in-loop deblocking filter while decoding: about a fifth less decoder CPU. Block edges then
    /// drift by a few grey levels until the next key frame, which the area-averaged analysis frame (a quarter of the
    /// width or less) does not show. Set false when the analysis width is close to the camera's own width.
    /// </summary>
    public bool SkipDeblocking { get; set; } = true;

    /// <summary>Frames held between capture and analysis (1 .. 256); when full the oldest is dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 8;

    /// <summary>First and longest wait between reconnect attempts (backoff doubles, with jitter).</summary>
    public TimeSpan ReconnectMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>No frame for this long while streaming: the watchdog kills the decoder and reconnects (1 s .. 5 min).</summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Regions of interest, each bound to a machine, conveyor, work station or bay.</summary>
    public IList<RegionOptions> Regions { get; } = [];

    /// <summary>Privacy masks: polygons (same syntax as <see cref="RegionOptions.Polygon"/>) blanked before any analysis or snapshot.</summary>
    public IList<string> PrivacyMasks { get; } = [];
}
