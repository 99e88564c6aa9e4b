namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>
/// Output counting on conveyor regions and people at station regions with an ONNX detector (section
/// <c>Detection</c>; see <c>Vision/Counting/README.md</c>). The detector runs only on frames where the motion gate saw
/// motion or foreground in a counting region, at most <see cref="MaxFps"/> per camera.
/// </summary>
internal sealed class DetectionOptions
{
    public const string SectionName = "Detection";

    /// <summary>The detection model ("name/version" under <c>Inference:ModelsDirectory</c>); empty turns counting off.</summary>
    public string Model { get; set; } = "item-detector/1";

    /// <summary>Label of the objects counted on conveyors.</summary>
    public string ItemLabel { get; set; } = "item";

    /// <summary>Label of people at stations.</summary>
    public string PersonLabel { get; set; } = "person";

    /// <summary>Boxes scoring below this are dropped (0.05 .. 0.99).</summary>
    public double MinScore { get; set; } = 0.4;

    /// <summary>Per-class non-maximum suppression overlap (0.1 .. 0.9).</summary>
    public double NmsIoU { get; set; } = 0.45;

    /// <summary>Most detector runs per camera and second (0.2 .. 30); gated frames beyond it are skipped.</summary>
    public double MaxFps { get; set; } = 5;

    /// <summary>Detect in crops around the gated regions (batched in one run) instead of the whole frame.</summary>
    public bool CropRegions { get; set; }

    /// <summary>A track not matched for this long is dropped (0.2 s .. 30 s).</summary>
    public TimeSpan TrackTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A box matches a track when their overlap (IoU, after the track's predicted move) reaches this (0.05 .. 0.9); otherwise centre distance under one box size matches.</summary>
    public double MatchIoU { get; set; } = 0.2;

    /// <summary>Detections a track needs before it may count (1 .. 10): one stray box never counts.</summary>
    public int MinHits { get; set; } = 2;

    /// <summary>A station becomes occupied after a person was seen in it for this long (0 .. 1 min; backdated).</summary>
    public TimeSpan OccupiedAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A station becomes free after nobody was seen in it for this long (0 .. 5 min; backdated).</summary>
    public TimeSpan FreeAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Per conveyor region: the counting line and direction.</summary>
    public IDictionary<string, CountingRegionOptions> Regions { get; } = new Dictionary<string, CountingRegionOptions>(StringComparer.Ordinal);
}
