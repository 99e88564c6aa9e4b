namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>When the pulses of a simulated S0 output start. Stateful: each call returns the next pulse.</summary>
internal interface IPulseSchedule
{
    /// <summary>The start of the next pulse, or null when none comes within the schedule's look-ahead (a stopped machine).</summary>
    DateTimeOffset? Next();
}
