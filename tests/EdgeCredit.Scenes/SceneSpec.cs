namespace EdgeCredit.Scenes;

/// <summary>Everything that decides a rendered scene: the same spec renders the same bytes.</summary>
internal sealed record SceneSpec
{
    public required string Name { get; init; }

    public SceneSet Set { get; init; } = SceneSet.Tune;

    public int Seed { get; init; }

    public int Width { get; init; } = 640;

    public int Height { get; init; } = 360;

    public int Fps { get; init; } = 10;

    public int Seconds { get; init; } = 60;

    /// <summary>Machines drawn, 2 to 4.</summary>
    public int Machines { get; init; } = 3;

    public bool Conveyor { get; init; } = true;

    /// <summary>Every machine and the conveyor stay stopped for the whole clip.</summary>
    public bool AllIdle { get; init; }

    public double PeoplePerMinute { get; init; } = 2;

    /// <summary>A bank of lights switched off (and maybe on again) at a random time.</summary>
    public bool LightingStep { get; init; } = true;

    /// <summary>Relative amplitude of the slow lighting drift (0.1 = ±10 %).</summary>
    public double DriftAmplitude { get; init; } = 0.08;

    /// <summary>Standard deviation of the per-frame brightness jitter (mains flicker seen by the sensor).</summary>
    public double FlickerAmplitude { get; init; } = 0.015;

    /// <summary>Standard deviation of the Gaussian sensor noise per pixel and channel, in grey levels.</summary>
    public double NoiseSigma { get; init; } = 3;

    public TamperKind? Tamper { get; init; }

    /// <summary>x264 constant rate factor of the mp4 (mild compression).</summary>
    public int Crf { get; init; } = 23;

    /// <summary>Also write an MJPEG .avi beside the mp4.</summary>
    public bool WriteAvi { get; init; }

    public int FrameCount => Seconds * Fps;

    /// <summary>A problem with the numbers, or null: sizes even and 64..3840 x 36..2160, fps 1..60, seconds 1..86400, machines 2..4.</summary>
    public string? Problem() =>
        Width is < 64 or > 3840 || Width % 2 != 0 ? $"width {Width}: use an even number of pixels from 64 to 3840"
        : Height is < 36 or > 2160 || Height % 2 != 0 ? $"height {Height}: use an even number of pixels from 36 to 2160"
        : Fps is < 1 or > 60 ? $"fps {Fps}: use 1 to 60 frames per second"
        : Seconds is < 1 or > 86_400 ? $"seconds {Seconds}: use 1 to 86400"
        : Machines is < 2 or > 4 ? $"machines {Machines}: use 2 to 4"
        : Crf is < 0 or > 51 ? $"crf {Crf}: use 0 (lossless) to 51 (x264's range; 23 is its default)"
        : NoiseSigma is < 0 or > 50 ? $"noise sigma {NoiseSigma}: use 0 to 50 grey levels"
        : Tamper is not null && Seconds < 20 ? $"seconds {Seconds}: a tamper clip needs at least 20 s"
        : null;
}
