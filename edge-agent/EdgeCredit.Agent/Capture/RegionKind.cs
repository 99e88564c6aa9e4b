namespace EdgeCredit.Agent.Capture;

/// <summary>What a region of interest watches.</summary>
internal enum RegionKind
{
    /// <summary>A machine's moving parts: running / idle from motion.</summary>
    Machine,

    /// <summary>A conveyor: running while it carries items or its belt moves.</summary>
    Conveyor,

    /// <summary>A work station: occupied or not.</summary>
    Station,

    /// <summary>A loading bay.</summary>
    Bay,
}
