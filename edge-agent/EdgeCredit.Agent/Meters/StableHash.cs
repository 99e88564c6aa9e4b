namespace EdgeCredit.Agent.Meters;

/// <summary>Deterministic hashing for the simulator (string.GetHashCode is randomised per process).</summary>
internal static class StableHash
{
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>SplitMix64 finaliser: a well-mixed 64-bit value from any input.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>A uniform number in [0, 1) from the key parts.</summary>
    public static double Unit(ulong a, long b, int lane) =>
        (Mix(a ^ Mix(unchecked((ulong)b) ^ Mix((ulong)lane))) >> 11) * (1.0 / (1UL << 53));
}
