namespace EdgeCredit.Agent.Vision;

/// <summary>
/// A condition of a camera: started at <paramref name="Since"/> (backdated to its first evidence), ended at
/// <paramref name="Until"/> (null while it lasts), with <paramref name="Confidence"/> 0..1 (mean evidence so far).
/// </summary>
internal sealed record CameraConditionRecord(string Camera, CameraCondition Condition, double Confidence, DateTimeOffset Since, DateTimeOffset? Until);
