namespace EdgeCredit.Agent.Vision;

/// <summary>A region's machine started (<paramref name="Running"/> true) or stopped; <paramref name="At"/> is backdated to the start of the evidence.</summary>
internal sealed record RegionStateChange(string Camera, string Region, DateTimeOffset At, bool Running);
