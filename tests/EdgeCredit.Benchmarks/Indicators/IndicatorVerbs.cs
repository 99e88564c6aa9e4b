using System.Globalization;

namespace EdgeCredit.Benchmarks.Indicators;

/// <summary>
/// indicators-replay --series steel|cnc   (real series through the collector, daily indicators and the reference figures)
/// indicators-bench [--enterprises 10000] [--days 90] [--sqlite-enterprises 100 (0: skip)] [--hourly true|false]   (recompute of all daily indicators from rollups, timed)
/// </summary>
internal static class IndicatorVerbs
{
    public static async Task<int> RunAsync(string name, Func<string, string, string> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        if (name == "indicators-replay")
        {
            return await new IndicatorReplay(option("series", "steel")).RunAsync();
        }

        await new IndicatorBenchmark(
            int.Parse(option("enterprises", "10000"), CultureInfo.InvariantCulture),
            int.Parse(option("days", "90"), CultureInfo.InvariantCulture),
            int.Parse(option("sqlite-enterprises", "100"), CultureInfo.InvariantCulture),
            bool.Parse(option("hourly", "true"))).RunAsync();
        return 0;
    }
}
