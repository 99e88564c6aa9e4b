namespace EdgeCredit.Agent.Meters.State;

/// <summary>Where a machine's calibration stands.</summary>
internal enum CalibrationPhase
{
    /// <summary>Collecting samples to learn the levels; no states are reported.</summary>
    Commissioning,

    /// <summary>Levels learned; the model is checked on new samples before they are used; no states are reported.</summary>
    Validating,

    /// <summary>Levels validated (or set by hand): every sample gets a state.</summary>
    Calibrated,
}
