namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>What <see cref="PulseCounterStore.Open"/> found in the counter file.</summary>
internal enum CounterFileState
{
    /// <summary>No file (or an empty one): the count starts at 0.</summary>
    Created,

    /// <summary>Both slots valid; the newer one was taken.</summary>
    Loaded,

    /// <summary>One slot was torn or corrupted; the other, older one was taken.</summary>
    FellBack,

    /// <summary>Neither slot was valid: the file was moved aside and the count starts at 0.</summary>
    Corrupted,
}
