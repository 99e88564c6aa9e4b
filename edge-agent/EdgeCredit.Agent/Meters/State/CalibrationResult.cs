namespace EdgeCredit.Agent.Meters.State;

/// <summary>Levels learned from commissioning samples, or why none could be learned.</summary>
internal sealed record CalibrationResult(MachineCalibration? Levels, string? Rejection)
{
    public bool Accepted => Levels is not null;

    public static CalibrationResult Reject(string reason) => new(null, reason);
}
