namespace EdgeCredit.Scenes;

/// <summary>Stateless deterministic random numbers keyed by (seed, stream, index), independent of render order.</summary>
internal static class Hashing
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Uniform in (0, 1).</summary>
    public static double Uniform(int seed, int stream, long index) =>
        ((Mix(Mix(((ulong)(uint)seed << 32) | (uint)stream) ^ (ulong)index) >> 11) + 0.5) / (1UL << 53);

    /// <summary>Standard normal (Box-Muller on two uniforms).</summary>
    public static double Gaussian(int seed, int stream, long index)
    {
        var u1 = Uniform(seed, stream, 2 * index);
        var u2 = Uniform(seed, stream, (2 * index) + 1);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A seed for one part of the script, so adding people does not change the machines' schedules.</summary>
    public static int SubSeed(int seed, int stream) => (int)(Mix(((ulong)(uint)seed << 16) ^ (uint)stream) & 0x7FFFFFFF);
}
