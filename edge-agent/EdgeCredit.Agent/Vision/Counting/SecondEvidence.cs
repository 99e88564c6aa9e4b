namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>What one second of a counting region held: usable frames, frames with a person present, people summed over frames, items counted, and the decided occupancy.</summary>
internal record struct SecondEvidence(int Frames, int PresentFrames, int PeopleSum, int Counted, bool Occupied)
{
    public readonly bool Present => PresentFrames * 2 >= Frames && Frames > 0;

    public readonly double People => Frames == 0 ? 0 : (double)PeopleSum / Frames;
}
