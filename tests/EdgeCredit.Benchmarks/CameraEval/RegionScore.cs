namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>
/// Running/idle of one region against the truth over <see cref="Scored"/> seconds. Unknown seconds (never analysed)
/// count as wrong. <see cref="Excluded"/> seconds were left out (a tamper clip's seconds from the tamper start on, where
/// the camera cannot see the machine). <see cref="Mismatches"/> lists the wrong stretches.
/// </summary>
internal sealed record RegionScore(
    string Clip,
    string Region,
    int Scored,
    int RunningRight,
    int IdleRight,
    int RunningReportedIdle,
    int IdleReportedRunning,
    int Unknown,
    int Excluded,
    int TrueRunning,
    int ReportedRunning,
    string Mismatches)
{
    public double Accuracy => Scored == 0 ? 1 : (double)(RunningRight + IdleRight) / Scored;
}
