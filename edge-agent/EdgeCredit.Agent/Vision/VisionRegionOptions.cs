namespace EdgeCredit.Agent.Vision;

/// <summary>Overrides of <see cref="VisionOptions"/> for one region (<c>Vision:Regions:{name}</c>); unset fields use the defaults.</summary>
internal sealed class VisionRegionOptions
{
    public double? MotionShare { get; set; }

    public double? EnterActivity { get; set; }

    public double? ExitActivity { get; set; }

    public TimeSpan? EnterFor { get; set; }

    public TimeSpan? ExitFor { get; set; }

    /// <summary>Reject motion that reaches into the region from outside (default: on for machines and conveyors, off for stations and bays, which count all their motion).</summary>
    public bool? RejectPassingMotion { get; set; }
}
