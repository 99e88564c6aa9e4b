namespace EdgeCredit.Scenes;

/// <summary>A machine or conveyor of the scene: where it is, what moves, and when it runs.</summary>
/// <param name="Machine">The machine's look; null for the conveyor.</param>
/// <param name="Rate">Strokes or turns per running second (conveyor: widths of the image per running second).</param>
internal sealed record ScriptedRegion(string Name, string Kind, MachineKind? Machine, NormalizedRect Box, double Rate, Schedule Schedule)
{
    /// <summary>How far the moving part has gone at time t, in strokes, turns or widths.</summary>
    public double Travel(double t) => Rate * Schedule.RunTime(t);
}
