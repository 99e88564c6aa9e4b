namespace EdgeCredit.Scenes.MeterDisplays;

internal static class RandomExtensions
{
    /// <summary>A uniform draw in [min, max).</summary>
    public static double NextDouble(this Random random, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(random);
        return min + (random.NextDouble() * (max - min));
    }
}
