namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>
/// Running/idle of one region against the truth over <see cref="Scored"/> seconds. Unknown seconds (never analysed)
/// count as wrong. <see cref="Excluded"/> seconds were left out (a tamper clip's seconds from the tamper start on, where
/// the camera cannot see the machine). <see cref="Mismatches"/> lists the wrong stretches. <see cref="Clear"/> and
/// <see cref="ClearRight"/> count the scored seconds with nobody at the region (no person overlapping it within a second
/// either side, from the truth): a secondary figure that separates what the camera could see from what people hid.
/// <see cref="Unseen"/> counts the seconds the agent itself flagged as held behind passers (every usable frame had the
/// region mostly hidden), <see cref="UnseenRight"/> those of them whose held state happened to be right.
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
    int ClearRight,
    int Unseen,
    int UnseenRight)
{
    /// <summary>Share right of the seconds the region was seen (not held behind passers: <see cref="Agent.Vision.SecondFlags.Unseen"/>).</summary>
    public double SeenAccuracy => Scored - Unknown - Unseen == 0 ? 1 : (double)(RunningRight + IdleRight - UnseenRight) / (Scored - Unknown - Unseen);

    public double Accuracy => Scored == 0 ? 1 : (double)(RunningRight + IdleRight) / Scored;

    /// <summary>Scored seconds the truth has the moving part mostly hidden behind people (<see cref="SceneScorer.HiddenBelow"/>).</summary>
    public int Hidden { get; init; }

    /// <summary>Of <see cref="Hidden"/>, the seconds the agent flagged unseen.</summary>
    public int HiddenFlagged { get; init; }

    /// <summary>Of <see cref="HiddenFlagged"/>, those whose held state was wrong: the agent rightly said it could not see.</summary>
    public int Excused { get; init; }

    /// <summary>Seconds flagged unseen while the truth had enough of the moving part in view (the agent hid too much).</summary>
    public int OverHidden { get; init; }

    /// <summary>
    /// Share right when a second no camera could judge (truth: moving part mostly hidden) counts as right if the agent
    /// flagged it unseen. A second the agent flagged unseen while the part was in view is right only if its state is.
    /// </summary>
    public double ObservableAccuracy => Scored == 0 ? 1 : (double)(RunningRight + IdleRight + Excused) / Scored;

    public double ClearAccuracy => Clear == 0 ? 1 : (double)ClearRight / Clear;
}
