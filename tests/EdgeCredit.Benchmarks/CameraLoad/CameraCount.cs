using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Benchmarks.CameraLoad;

/// <summary>
/// Figures 2 and 3: the real agent process with N cameras, each playing the 720p scene in real time (FileRealTime=true,
/// looped) at AnalysisFps=5, publishing to a real collector (embedded broker). Measured from the moment every camera
/// logged "streaming" for the given duration: CPU of the agent and its ffmpeg children, RSS each second. On a clean stop
/// each camera logs its counters (event 6008: decoded, dropped from the full queue); the analysed rate per camera is
/// (decoded - dropped) / streaming time.
/// </summary>
internal static partial class CameraCount
{
    public static async Task RunAsync(IReadOnlyList<int> counts, TimeSpan duration)
    {
        var (video, truth) = await SceneFiles.GetAsync(1280, 720, 15, 60);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"2./3. real agent, N cameras each playing {Path.GetFileName(Path.GetDirectoryName(video))} (1280x720 H.264 15 fps, looped) in real time, AnalysisFps=5, width 320, {truth.Regions.Count} regions per camera, 10 s windows, {duration.TotalSeconds:F0} s measured per N; {Environment.ProcessorCount} cores"));
        using var dir = new TempDirectory("bench-camera-load");
        var device = DeviceSpec.Create("bench-ent", "gw-cam");
        await using var collector = await CollectorProcess.StartEmbeddedAsync(dir.Sub("collector"), [device]);
        var largest = 0;
        foreach (var n in counts)
        {
            var result = await RunOneAsync(dir.Sub($"agent-{n}"), device, collector.MqttPort!.Value, video, truth, n, duration);
            Console.WriteLine(result.Describe(n));
            if (result.Held)
            {
                largest = n;
            }
        }

        Console.WriteLine(largest > 0
            ? $"  largest N with nothing dropped and every camera at >= 4.75 analysed frames/s: {largest} (of those tried)"
            : "  no N held");
    }

    private static async Task<CountResult> RunOneAsync(string data, DeviceSpec device, int mqttPort, string video, Scenes.SceneTruth truth, int n, TimeSpan duration)
    {
        var args = Enumerable.Range(0, n).SelectMany(i => SceneFiles.AgentArguments(i, $"cam-{i + 1}", video, truth, 5)).ToArray();
        await using var agent = AgentProcess.ForEmbedded(device, data, mqttPort, TimeSpan.FromSeconds(10), args);
        agent.Start();
        var pid = agent.Process.Id;
        var streaming = await WaitStreamingAsync(agent.Process, n);
        var load = SceneFiles.LoadAverage();
        var cpu0 = ProcessTree.CpuSeconds(pid);
        var clock = Stopwatch.StartNew();
        var rss = new List<double>();
        var children = new List<double>();
        while (clock.Elapsed < duration)
        {
            await Task.Delay(1000);
            rss.Add(ProcStat.MemoryMiB(pid));
            children.Add(ProcessTree.ChildrenMemoryMiB(pid));
        }

        var cpu = ProcessTree.CpuSeconds(pid) - cpu0;
        var wall = clock.Elapsed.TotalSeconds;
        var peak = ProcStat.MemoryMiB(pid, "VmHWM");
        var stopAt = Stopwatch.GetTimestamp();
        await agent.StopAsync();
        var cameras = new List<(string Camera, long Decoded, long Dropped, double Rate)>();
        foreach (var line in agent.Process.Lines)
        {
            if (StoppedLine().Match(line) is { Success: true } m && streaming.TryGetValue(m.Groups[1].Value, out var started))
            {
                var decoded = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                var dropped = long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                cameras.Add((m.Groups[1].Value, decoded, dropped, (decoded - dropped) / Stopwatch.GetElapsedTime(started, stopAt).TotalSeconds));
            }
        }

        var steady = rss.Skip(rss.Count / 2).ToList();
        return new CountResult(cameras, 100 * cpu / wall, load, Percentiles.Of(steady, 50), steady.Max(), peak, Percentiles.Of(children.Skip(children.Count / 2).ToList(), 50), agent.Process.ErrorLines().Count);
    }

    /// <summary>Waits for every camera's first "streaming" line (event 6002); returns when each arrived.</summary>
    private static async Task<Dictionary<string, long>> WaitStreamingAsync(ChildProcess agent, int n)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var deadline = Stopwatch.StartNew();
        while (seen.Count < n)
        {
            var left = TimeSpan.FromSeconds(60) - deadline.Elapsed;
            var line = await agent.WaitForLineAsync(l => StreamingLine().Match(l) is { Success: true } m && !seen.ContainsKey(m.Groups[1].Value), left > TimeSpan.Zero ? left : TimeSpan.Zero);
            seen[StreamingLine().Match(line).Groups[1].Value] = Stopwatch.GetTimestamp();
        }

        return seen;
    }

    [GeneratedRegex(@"Camera (\S+) \(.*\) streaming: ")]
    private static partial Regex StreamingLine();

    [GeneratedRegex(@"Camera (\S+) stopped: (\d+) frames decoded, (\d+) dropped")]
    private static partial Regex StoppedLine();
}
