using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Agent.Vision;

/// <summary>The effective settings of one region: <see cref="VisionOptions"/> defaults with the region's overrides applied.</summary>
internal sealed record RegionSettings(
    string Name,
    RegionKind Kind,
    double MotionShare,
    double EnterActivity,
    double ExitActivity,
    TimeSpan EnterFor,
    TimeSpan ExitFor,
    bool RejectPassingMotion,
    TimeSpan NuisanceHold)
{
    /// <summary>Running seconds are reported for machines and conveyors; every region reports its activity index.</summary>
    public bool ReportsRunning => Kind is RegionKind.Machine or RegionKind.Conveyor;

    public static RegionSettings For(string name, RegionKind kind, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Regions.TryGetValue(name, out var o);
        return new RegionSettings(
            name,
            kind,
            o?.MotionShare ?? options.MotionShare,
            o?.EnterActivity ?? options.EnterActivity,
            o?.ExitActivity ?? options.ExitActivity,
            o?.EnterFor ?? options.EnterFor,
            o?.ExitFor ?? options.ExitFor,
            o?.RejectPassingMotion ?? kind is RegionKind.Machine or RegionKind.Conveyor,
            kind == RegionKind.Conveyor ? options.ConveyorHold : options.NuisanceHold);
    }
}
