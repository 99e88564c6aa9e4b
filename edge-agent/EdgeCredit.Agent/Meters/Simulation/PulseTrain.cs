using System.Device.Gpio;

namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>
/// The shape of a simulated S0 pulse train: when pulses start (<see cref="IPulseSchedule"/>), how long they are, and
/// the contact bounce at each edge: after the first edge of a transition, <see cref="BounceEdges"/> more edges
/// (alternating, an even number so the level ends where it should) fall at seeded random offsets within
/// <see cref="BounceSpan"/>. Deterministic given the seed.
/// </summary>
internal sealed class PulseTrain
{
    private readonly Random _random;

    public PulseTrain(IPulseSchedule schedule, TimeSpan pulseWidth, int bounceEdges, TimeSpan bounceSpan, int seed)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pulseWidth, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(bounceEdges);
        if (bounceEdges % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bounceEdges), bounceEdges, "Bounce edges come in pairs.");
        }

        Schedule = schedule;
        PulseWidth = pulseWidth;
        BounceEdges = bounceEdges;
        BounceSpan = bounceSpan;
        _random = new Random(seed);
    }

    public IPulseSchedule Schedule { get; }

    /// <summary>From the first rising edge to the first falling edge.</summary>
    public TimeSpan PulseWidth { get; }

    public int BounceEdges { get; }

    public TimeSpan BounceSpan { get; }

    /// <summary>The shortest stable time of either level: a pulse, and the gap after it, last at least this long.</summary>
    public TimeSpan StableWidth => PulseWidth - BounceSpan;

    /// <summary>The edges of one transition to <paramref name="level"/>: offsets from its first edge, with the level after each.</summary>
    public IReadOnlyList<(TimeSpan Offset, PinValue Level)> Transition(PinValue level)
    {
        var edges = new List<(TimeSpan, PinValue)>(BounceEdges + 1) { (TimeSpan.Zero, level) };
        var offsets = new long[BounceEdges];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = 1 + _random.NextInt64(Math.Max(1, BounceSpan.Ticks));
        }

        Array.Sort(offsets);
        for (var i = 0; i < offsets.Length; i++)
        {
            edges.Add((TimeSpan.FromTicks(offsets[i]), i % 2 == 0 ? !level : level));
        }

        return edges;
    }
}
