using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeCredit.Scenes;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCredit.Benchmarks.CameraLoad;

/// <summary>
/// Figure 4: the real agent plays a 640x360 10 fps scene, a minute longer than the run, in real time at AnalysisFps=5 with a short window,
/// publishing through a real mosquitto (with the collector attached); a subscriber stamps every signal batch on arrival.
/// Truth time 0 is when the agent logged "streaming" (the first frame arrived); loop k adds k x the clip length.
/// Each truth change (region, new state) is matched to the first state_changed event of that region and state that
/// arrives after it; latency = arrival - truth time. The event's own <c>at</c> (backdated to the evidence) splits it into
/// detection (at - truth) and delivery (arrival - at: waiting for the window to close, then the publish).
/// </summary>
internal static class StateLatency
{
    public static async Task RunAsync(TimeSpan duration, TimeSpan window)
    {
        // Longer than the run: a file played again is a replay, and the agent rightly stops crediting a looped picture
        // (the regions go without evidence once the loop is found, and changes in it are not reported).
        var (video, truth) = await SceneFiles.GetAsync(640, 360, 10, Math.Max(120, ((int)Math.Ceiling(duration.TotalMinutes) + 1) * 60));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"4. state change to signal on the broker: real agent, {Path.GetFileName(Path.GetDirectoryName(video))} in real time (looped every {truth.Seconds} s), AnalysisFps=5, Agent:Window={window:c}, mosquitto + collector; {duration.TotalSeconds:F0} s"));
        using var dir = new TempDirectory("bench-camera-latency");
        var device = DeviceSpec.Create("bench-ent", "gw-lat");
        await using var broker = await Mosquitto.StartAsync(dir.Sub("broker"), "collector", (device.Enterprise, device.Device));
        var arrivals = new ConcurrentQueue<(DateTimeOffset Arrived, byte[] Payload)>();
        using var tap = await MqttTls.ConnectAsync(broker, "collector", "latency-tap");
        tap.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/signals", StringComparison.Ordinal))
            {
                arrivals.Enqueue((DateTimeOffset.UtcNow, e.ApplicationMessage.Payload.ToArray()));
            }

            return Task.CompletedTask;
        };
        await tap.SubscribeAsync("edgecredit/#", MqttQualityOfServiceLevel.AtLeastOnce);
        await using var collector = await CollectorProcess.StartExternalAsync(dir.Sub("collector"), broker, "collector", [device]);
        await using var agent = AgentProcess.ForMosquitto(device, dir.Sub("agent"), broker, window, [.. SceneFiles.AgentArguments(0, "cam-1", video, truth, 5)]);
        agent.Start();
        await agent.Process.WaitForLineAsync(l => l.Contains("Camera cam-1 (", StringComparison.Ordinal) && l.Contains(") streaming: ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var zero = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await Task.Delay(500);
        }

        await agent.StopAsync();
        var logged = AgentLog.Parse(agent.Process.Lines, "cam-1", "cam-1-");
        var origin = logged.Streaming ?? zero;
        var changes = Changes(truth, origin, origin + duration - TimeSpan.FromSeconds(30));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  truth time 0 = the agent's 'streaming' log stamp ({(logged.Streaming is null ? "not found: the subscriber's time of that line" : $"{(zero - origin).TotalSeconds:F2} s before the benchmark read the line")}); changes up to {duration.TotalSeconds - 30:F0} s"));
        LatencyReport.Print(changes, Events(arrivals, "cam-1-"), logged.Decisions);
    }

    /// <summary>Truth changes (region, state, wall time) from truth second 1 on (second 0 has no earlier state), looped.</summary>
    private static List<(string Region, string State, DateTimeOffset At)> Changes(SceneTruth truth, DateTimeOffset zero, DateTimeOffset last)
    {
        var result = new List<(string, string, DateTimeOffset)>();
        for (var loop = 0; zero.AddSeconds(loop * truth.Seconds) < last; loop++)
        {
            foreach (var region in truth.Regions)
            {
                var p = region.PerSecond;
                for (var s = 0; s < p.Count; s++)
                {
                    var previous = s > 0 ? p[s - 1] : loop > 0 ? p[^1] : p[0];
                    var at = zero.AddSeconds((loop * truth.Seconds) + s);
                    if (p[s] != previous && at < last)
                    {
                        result.Add((region.Name, p[s] == 1 ? "running" : "idle", at));
                    }
                }
            }
        }

        return [.. result.OrderBy(c => c.Item3)];
    }

    private static List<(string Region, string State, DateTimeOffset At, DateTimeOffset Arrived)> Events(IEnumerable<(DateTimeOffset Arrived, byte[] Payload)> arrivals, string prefix)
    {
        var seen = new HashSet<(string, string, DateTimeOffset)>();
        var result = new List<(string, string, DateTimeOffset, DateTimeOffset)>();
        foreach (var (arrived, payload) in arrivals.OrderBy(a => a.Arrived))
        {
            using var doc = JsonDocument.Parse(payload);
            if (!doc.RootElement.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var e in list.EnumerateArray())
            {
                if (e.GetProperty("type").GetString() != "state_changed" || e.GetProperty("source").GetString() is not { } source || !source.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var key = (source[prefix.Length..], e.GetProperty("state").GetString()!, e.GetProperty("at").GetDateTimeOffset());
                if (seen.Add(key)) // a batch sent again after a lost receipt carries the same events
                {
                    result.Add((key.Item1, key.Item2, key.Item3, arrived));
                }
            }
        }

        return result;
    }
}
