using System.Globalization;
using EdgeCredit.Benchmarks.CameraLoad;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Camera performance figures of issue 4 on rendered factory scenes: (1) decode + motion + regions per CPU-second at
/// 720p and 1080p against ffmpeg alone, (2) how many real-time 720p cameras at 5 fps the real agent sustains with
/// nothing dropped, (3) its resident memory with 4 cameras, (4) latency from a scene state change to the state_changed
/// event arriving at an MQTT subscriber. Scenes are rendered once into $TMPDIR/edgecredit-camera-load.
/// </summary>
internal sealed class CameraLoadBenchmark(string part, IReadOnlyList<int> counts, TimeSpan perCount, TimeSpan latencyRun, TimeSpan window, int repeats)
{
    public async Task RunAsync()
    {
        Console.WriteLine($"camera-load: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {SceneFiles.LoadAverage()}, {File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()}");
        if (part is "all" or "decode")
        {
            await DecodeThroughput.RunAsync(320, repeats);
        }

        if (part is "all" or "cameras")
        {
            await CameraCount.RunAsync(counts, perCount);
        }

        if (part is "all" or "latency")
        {
            await StateLatency.RunAsync(latencyRun, window);
        }
    }

    public static IReadOnlyList<int> ParseCounts(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
}
