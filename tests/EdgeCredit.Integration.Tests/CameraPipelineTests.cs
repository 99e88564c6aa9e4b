using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EdgeCredit.Protocol;
using EdgeCredit.Scenes;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCredit.Integration.Tests;

/// <summary>
/// The real agent watching a rendered factory scene through its camera stage, publishing through a real mosquitto to the
/// collector. Every payload the broker carries is inspected: only signals, events and status leave the box, never a frame.
/// </summary>
public sealed class CameraPipelineTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private readonly TempDirectory _dir = new("camera-pipeline");
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly DeviceSpec _device = DeviceSpec.Create("acme-metal", "gw-01");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Camera_RenderedScene_SignalsReachTheCollectorAndNoPayloadCarriesAnImage()
    {
        var spec = SceneCatalogue.Spec("normal-shift", SceneSet.Tune) with { Width = 320, Height = 180, Seconds = 40 };
        var scene = await SceneWriter.WriteAsync(spec, _dir.Sub("scene"), progress: null, CancellationToken.None);
        var truth = SceneWriter.ReadTruth(scene.TruthPath);
        var broker = Own(await Mosquitto.StartAsync(_dir.Sub("broker"), "collector", (_device.Enterprise, _device.Device)));
        var payloads = new ConcurrentQueue<(string Topic, byte[] Payload)>();
        using var tap = await MqttTls.ConnectAsync(broker, "collector", "privacy-tap");
        tap.ApplicationMessageReceivedAsync += e =>
        {
            payloads.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };
        await tap.SubscribeAsync("edgecredit/#", MqttQualityOfServiceLevel.AtLeastOnce);
        var collector = Own(await CollectorProcess.StartExternalAsync(_dir.Sub("collector"), broker, "collector", [_device]));
        var args = new List<string> { "--Cameras:Sources:0:Name=cam-1", $"--Cameras:Sources:0:Url={scene.VideoPath}", "--Cameras:Sources:0:AnalysisFps=5" };
        for (var i = 0; i < truth.Regions.Count; i++)
        {
            args.AddRange([$"--Cameras:Sources:0:Regions:{i}:Name=cam-{truth.Regions[i].Name}", $"--Cameras:Sources:0:Regions:{i}:Kind={truth.Regions[i].Kind}",
                $"--Cameras:Sources:0:Regions:{i}:Polygon={truth.Regions[i].Polygon}"]);
        }

        var agent = Own(AgentProcess.ForMosquitto(_device, _dir.Sub("agent"), broker, Window, [.. args]));
        agent.Start();
        var signals = await ApiWait.UntilAsync(collector, "/api/v1/enterprises/acme-metal/signals?limit=100000",
            s => s.GetProperty("signals").EnumerateArray().Count(x => x.GetProperty("kind").GetString() == "camera_health") >= 3, TimeSpan.FromSeconds(90));
        await agent.StopAsync();

        var kinds = signals.GetProperty("signals").EnumerateArray().Where(s => s.GetProperty("source").GetString()!.StartsWith("cam-", StringComparison.Ordinal))
            .Select(s => s.GetProperty("kind").GetString()).ToHashSet();
        output.WriteLine($"camera kinds: {string.Join(", ", kinds)}; {payloads.Count} payloads on the broker");
        Assert.Contains("camera_health", kinds);
        Assert.Contains("activity_index", kinds);
        Assert.Contains("running_seconds", kinds);
        Assert.NotEmpty(payloads);
        foreach (var (topic, payload) in payloads)
        {
            AssertNoImage(topic, payload);
        }

        Assert.Empty(agent.Process.ErrorLines());
        Assert.Empty(collector.Process.ErrorLines());
    }

    /// <summary>A payload is small JSON of a known type whose strings are short words, with no picture in any encoding.</summary>
    private static void AssertNoImage(string topic, byte[] payload)
    {
        Assert.True(payload.Length < 64 * 1024, $"{topic}: {payload.Length} bytes");
        Assert.False(StartsWith(payload, [0xFF, 0xD8, 0xFF]) || StartsWith(payload, [0x89, 0x50, 0x4E, 0x47]), $"{topic}: raw JPEG or PNG");
        var text = Encoding.UTF8.GetString(payload);
        foreach (var marker in new[] { "/9j/", "iVBORw0KGgo", "data:image", "base64" })
        {
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
        }

        using var doc = JsonDocument.Parse(payload);
        AssertShortStrings(topic, doc.RootElement);
        if (topic.EndsWith("/signals", StringComparison.Ordinal))
        {
            Assert.True(SignalBatchParser.Parse(payload).IsValid, text);
        }
        else
        {
            Assert.True(topic.EndsWith("/status", StringComparison.Ordinal) || topic.EndsWith("/receipts", StringComparison.Ordinal), $"unexpected topic {topic}");
        }
    }

    private static void AssertShortStrings(string topic, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                Assert.True(element.GetString()!.Length <= ProtocolLimits.MaxEventDetailLength, $"{topic}: a {element.GetString()!.Length}-character string");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertShortStrings(topic, property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertShortStrings(topic, item);
                }

                break;
        }
    }

    private static bool StartsWith(byte[] payload, byte[] prefix) => payload.AsSpan().StartsWith(prefix);

    private T Own<T>(T item)
        where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }
}
