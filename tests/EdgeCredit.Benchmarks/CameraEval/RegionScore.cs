namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>
/// Running/idle of one region against the truth over <see cref="Scored"/> seconds. Unknown seconds (never analysed)
/// count as wrong. <see cref="Excluded"/> seconds were left out (a tamper clip's seconds from the tamper start on, where
/// the camera cannot see the machine). <see cref="Mismatches"/> lists the wrong stretches. <see cref="Clear"/> and
/// <see cref="ClearRight"/> count the scored seconds with nobody at the region (no person overlapping it within a second
/// either side, from the truth): a secondary figure that separates what the camera could see from what people hid.
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
    string Mismatches,
    int Clear,
    int ClearRight)
{
    public double Accuracy => Scored == 0 ? 1 : (double)(RunningRight + IdleRight) / Scored;

    public double ClearAccuracy => Clear == 0 ? 1 : (double)ClearRight / Clear;
}
