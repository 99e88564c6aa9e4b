namespace EdgeCredit.Agent.Vision;

/// <summary>What is known about one second of one region or camera.</summary>
[Flags]
internal enum SecondFlags : byte
{
    None = 0,

    /// <summary>At least one frame was analysed in this second.</summary>
    Observed = 1,

    /// <summary>The region moved in at least half of the second's usable frames.</summary>
    Active = 2,

    /// <summary>The region's machine was running (after hysteresis; rewritten when a change is backdated).</summary>
    Running = 4,

    /// <summary>The picture was healthy (no condition).</summary>
    Healthy = 8,

    /// <summary>The capture link reported the camera offline (or reconnecting).</summary>
    Offline = 16,

    /// <summary>Every usable frame of the second had the region mostly hidden by passers: its state was held, not seen.</summary>
    Unseen = 32,

    /// <summary>
    /// No frame of the second was evidence (the picture was dark, covered, a copy, a replay, or changed all over): the
    /// region's state was held for the decisions, but the second counts as neither running nor analysed in a window.
    /// </summary>
    NoEvidence = 64,

    /// <summary>
    /// <see cref="Unseen"/>, but something moved in a glimpse of the machine's part (<see cref="RegionMotion.Glimpse"/>): too
    /// little to decide on, enough to say where a change hidden in these seconds most likely fell.
    /// </summary>
    Stirring = 128,
}
