namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Activity per region and camera health. Section <c>Vision</c>. Every threshold is explained in
/// <c>Vision/README.md</c>; per-region overrides go in <see cref="Regions"/> keyed by region name.
/// </summary>
internal sealed class VisionOptions
{
    public const string SectionName = "Vision";

    /// <summary>A pixel moves when its gain-normalized frame difference exceeds this many noise sigmas (2 .. 20).</summary>
    public double NoiseFactor { get; set; } = 4;

    /// <summary>Floor of the per-pixel motion threshold in grey levels, for noise-free pictures (1 .. 128).</summary>
    public int MinPixelDifference { get; set; } = 10;

    /// <summary>More than this share of the picture moving at once is a global change (lights, exposure, shake): no evidence (0.05 .. 1).</summary>
    public double GlobalChangeShare { get; set; } = 0.4;

    /// <summary>A frame is active for a region when this share of the region's pixels moves inside it (0.0005 .. 0.5).</summary>
    public double MotionShare { get; set; } = 0.01;

    /// <summary>Idle to running when the share of active seconds over <see cref="EnterFor"/> reaches this (0.05 .. 1).</summary>
    public double EnterActivity { get; set; } = 0.6;

    /// <summary>Running to idle when the share of active seconds over <see cref="ExitFor"/> falls to this (0 .. EnterActivity).</summary>
    public double ExitActivity { get; set; } = 0.2;

    /// <summary>Seconds of evidence needed to enter running (the minimum running episode; 1 s .. 10 min).</summary>
    public TimeSpan EnterFor { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Seconds of quiet needed to go back to idle (the minimum idle episode; 1 s .. 10 min).</summary>
    public TimeSpan ExitFor { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The cells a passer (motion reaching into a region from outside it) covered are no evidence for this long after it last moved there (0 .. 2 min).</summary>
    public TimeSpan NuisanceHold { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// <see cref="NuisanceHold"/> for conveyors (0 .. 2 min): people walk along a belt, and what a walker covered is in
    /// view again once the walker moved on, so only the walker's last two frames are held (the person's box, when the
    /// detector found one, is held as long as for machines).
    /// </summary>
    public TimeSpan ConveyorHold { get; set; } = TimeSpan.FromSeconds(0.4);

    /// <summary>
    /// When a passer is seen, run the detector (<c>Detection:Model</c>, label <c>Detection:PersonLabel</c>, at most
    /// <c>Detection:MaxFps</c>) and hide what is behind each person found from machines and conveyors, arms and tools
    /// included. Off, or without a detection model: the motion blobs alone find passers.
    /// </summary>
    public bool HidePeople { get; set; } = true;

    /// <summary>
    /// With <see cref="HidePeople"/>: the segmentation model (<c>models/&lt;name&gt;/&lt;version&gt;</c>) that says which cells
    /// a person found covers, so only the body is hidden and the machine beside a standing worker stays in view. Empty:
    /// everything under each person's box is hidden for a second.
    /// </summary>
    public string PersonMask { get; set; } = "person-mask/1";

    /// <summary>Mean luminance below this is dark (1 .. 254).</summary>
    public double DarkLuminance { get; set; } = 30;

    /// <summary>Standard deviation of the picture below this (grey levels) is covered: uniform, no texture (0.5 .. 128).</summary>
    public double CoveredContrast { get; set; } = 8;

    /// <summary>
    /// A picture is also covered when at least this share of its blocks (10x10 pixels of the 160-wide thumbnail, those
    /// a privacy mask blanks left out) each have a standard deviation below <see cref="CoveredContrast"/> (0.5 .. 1): a
    /// cover over most of the lens leaves a strip of scene whose contrast against the cover lifts the whole picture's.
    /// </summary>
    public double CoveredShare { get; set; } = 0.8;

    /// <summary>Normalized sharpness below this share of the reference's is defocused (0.01 .. 0.95).</summary>
    public double DefocusRatio { get; set; } = 0.35;

    /// <summary>A frame is a copy of the previous one when at least this share of its pixels is identical (0.5 .. 1).</summary>
    public double FrozenIdenticalShare { get; set; } = 0.998;

    /// <summary>Copies for this long make the camera frozen (1 s .. 10 min).</summary>
    public TimeSpan FrozenFor { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How far back repeats are looked for (10 s .. 30 min); the cost grows with it.</summary>
    public TimeSpan LoopHistory { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Shortest loop period looked for (1 s .. LoopHistory / 2).</summary>
    public TimeSpan LoopMinPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A lag matches when its signature distance is below this share of the expected sensor-noise distance (0.01 .. 0.9).</summary>
    public double LoopMatchRatio { get; set; } = 0.3;

    /// <summary>Normalized edge correlation with the reference below this is moved (0.05 .. 0.95).</summary>
    public double MovedCorrelation { get; set; } = 0.45;

    /// <summary>A phase-correlation shift of at least this share of the width raises the confidence of moved evidence (0.005 .. 0.5).</summary>
    public double MovedShift { get; set; } = 0.03;

    /// <summary>Evidence must hold this long before a condition starts (its start is backdated to the first evidence; 1 s .. 5 min).</summary>
    public TimeSpan ConfirmFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A condition ends after this long without evidence (1 s .. 5 min).</summary>
    public TimeSpan ClearFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Directory of commissioning references <c>{camera}.reference.json</c> + <c>.png</c>; empty: none.</summary>
    public string ReferenceDirectory { get; set; } = string.Empty;

    /// <summary>Without a commissioning reference, adopt the first healthy frame after this long as the reference (0 = never; up to 1 h).</summary>
    public TimeSpan AutoReferenceAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-region overrides, keyed by region name (<c>Vision:Regions:press-1:EnterFor</c>).</summary>
    public IDictionary<string, VisionRegionOptions> Regions { get; } = new Dictionary<string, VisionRegionOptions>(StringComparer.Ordinal);
}
