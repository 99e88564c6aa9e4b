namespace EdgeCredit.Scenes;

/// <summary>When and how a tamper clip is spoiled.</summary>
/// <param name="LoopSeconds">Looped: length of the replayed sequence.</param>
/// <param name="ShiftX">Moved: final shift as a fraction of the width.</param>
/// <param name="ShiftY">Moved: final shift as a fraction of the height.</param>
/// <param name="RotateDegrees">Moved: final rotation about the image centre.</param>
internal sealed record TamperPlan(TamperKind Kind, int Start, int LoopSeconds, double ShiftX, double ShiftY, double RotateDegrees)
{
    /// <summary>Seconds over which a gradual tamper (cover sliding in, camera turning, focus drifting) completes.</summary>
    public double Transition => Kind switch
    {
        TamperKind.Covered => 1.0,
        TamperKind.Moved => 1.5,
        TamperKind.Defocused => 8.0,
        TamperKind.Dark => 0.3,
        _ => 0,
    };

    /// <summary>0 before the start, rising to 1 over <see cref="Transition"/>.</summary>
    public double Progress(double t) => t < Start ? 0 : Transition <= 0 ? 1 : Math.Min(1, (t - Start) / Transition);
}
