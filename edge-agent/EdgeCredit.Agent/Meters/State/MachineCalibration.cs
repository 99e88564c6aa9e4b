namespace EdgeCredit.Agent.Meters.State;

/// <summary>
/// The levels of one machine: at or below <see cref="OffKw"/> it is off; <see cref="IdleKw"/> is its typical idle power
/// and <see cref="RunningKw"/> its typical running power (the model sees power divided by it).
/// </summary>
internal sealed record MachineCalibration
{
    public required double OffKw { get; init; }

    public required double IdleKw { get; init; }

    public required double RunningKw { get; init; }

    public required CalibrationOrigin Origin { get; init; }

    /// <summary>When the levels were learned (end of commissioning) or loaded from configuration.</summary>
    public required DateTimeOffset LearnedAt { get; init; }

    /// <summary>Commissioning samples the levels were learned from (0 for an override).</summary>
    public int Samples { get; init; }

    /// <summary>When validation passed; null while not validated yet.</summary>
    public DateTimeOffset? ValidatedAt { get; init; }

    /// <summary>Mean probability of the chosen state over the validation period.</summary>
    public double? ValidationConfidence { get; init; }

    /// <summary>Idle level / running level, as the model takes it.</summary>
    public float IdleLevel => (float)(IdleKw / RunningKw);

    /// <summary>Off threshold / running level, as the model takes it.</summary>
    public float OffLevel => (float)(OffKw / RunningKw);

    /// <summary>Levels from a hand-set override.</summary>
    public static MachineCalibration From(MachineLevelsOverride levels, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return new MachineCalibration
        {
            OffKw = levels.OffKw ?? levels.IdleKw / 3,
            IdleKw = levels.IdleKw,
            RunningKw = levels.RunningKw,
            Origin = CalibrationOrigin.Override,
            LearnedAt = at,
            ValidatedAt = at,
        };
    }
}
