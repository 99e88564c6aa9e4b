using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;
using EdgeCredit.Scenes;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCredit.Integration.Tests;

/// <summary>
/// deploy/install-agent.sh into a folder (--root): the published agent, the gateway's settings, the unit and the settings
/// template; the installed agent refuses the unfilled template naming each key, and with the template filled in (as
/// systemd's EnvironmentFile passes it: environment variables) it watches a camera with the installed ONNX models and
/// publishes over TLS to a real mosquitto, inventing no simulated machine.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallAgentTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("install-agent");
    private readonly DeviceSpec _device = DeviceSpec.Create("acme-metal", "gw-07");

    [Fact]
    public async Task InstallAgent_IntoAFolder_InstalledAgentRefusesTheTemplateThenRunsFromTheFilledOne()
    {
        var root = _dir.Sub("root");
        var (code, log) = await RunAsync(RepoPaths.Deploy("install-agent.sh"), "--root", root, "--no-apt", "--no-ocr");
        output.WriteLine(log);
        Assert.True(code == 0, log);

        var app = Path.Combine(root, "opt", "edgecredit", "agent");
        var dll = Path.Combine(app, "EdgeCredit.Agent.dll");
        Assert.True(File.Exists(dll));
        Assert.True(File.Exists(Path.Combine(app, "models", "item-detector", "1", "model.json")));
        Assert.True(File.Exists(Path.Combine(app, "libonnxruntime.so")), "the gateway's own native libraries, beside the dll");
        Assert.False(Directory.Exists(Path.Combine(app, "runtimes")), "other platforms' native libraries left out");
        var settings = await File.ReadAllTextAsync(Path.Combine(app, "appsettings.json"));
        Assert.DoesNotContain("Simulator", settings, StringComparison.Ordinal); // the repository's demo machine stays out
        Assert.DoesNotContain("demo-", settings, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Deploy("systemd", "edgecredit-agent.service")), await File.ReadAllTextAsync(Path.Combine(root, "etc", "systemd", "system", "edgecredit-agent.service")));
        var template = Path.Combine(root, "etc", "edgecredit", "agent.env");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(template));

        // The template as installed: the agent stops at start with exit code 2, naming every key to fill in.
        var unfilled = Environment(template);
        await using (var refused = ChildProcess.StartDotnet("installed agent (template)", dll, [], environment: unfilled))
        {
            await refused.WaitForExitAsync(TimeSpan.FromSeconds(30)); // and its last lines read
            Assert.Equal(2, refused.ExitCode);
            var lines = string.Join('\n', refused.Lines);
            Assert.Contains("Agent:Enterprise = ''", lines, StringComparison.Ordinal);
            Assert.Contains("Agent:Device = ''", lines, StringComparison.Ordinal);
            Assert.Contains("Publishing:Host = ''", lines, StringComparison.Ordinal);
            Assert.Contains("set Agent__Enterprise=<value> in the environment (on a gateway: /etc/edgecredit/agent.env)", lines, StringComparison.Ordinal);
        }

        // Filled in: a camera on a rendered scene, the broker over TLS with this device's certificate.
        var spec = SceneCatalogue.Spec("normal-shift", SceneSet.Tune) with { Width = 320, Height = 180, Seconds = 30 };
        var scene = await SceneWriter.WriteAsync(spec, _dir.Sub("scene"), progress: null, CancellationToken.None);
        var region = SceneWriter.ReadTruth(scene.TruthPath).Regions[0];
        await using var broker = await Mosquitto.StartAsync(_dir.Sub("broker"), "collector", (_device.Enterprise, _device.Device));
        var signals = new ConcurrentQueue<Signal>();
        using var tap = await MqttTls.ConnectAsync(broker, "collector", "install-tap");
        tap.ApplicationMessageReceivedAsync += e =>
        {
            if (SignalBatchParser.Parse(e.ApplicationMessage.Payload.ToArray()).Batch is { } batch)
            {
                foreach (var signal in batch.Signals)
                {
                    signals.Enqueue(signal);
                }
            }

            return Task.CompletedTask;
        };
        await tap.SubscribeAsync($"edgecredit/v1/{_device.Enterprise}/{_device.Device}/signals", MqttQualityOfServiceLevel.AtLeastOnce);
        var filled = new Dictionary<string, string>(unfilled)
        {
            ["Agent__Enterprise"] = _device.Enterprise,
            ["Agent__Device"] = _device.Device,
            ["Agent__DataDirectory"] = _dir.Sub("state"), // the unit's StateDirectory on a gateway
            ["Agent__Window"] = "00:00:02",
            ["Publishing__Host"] = "127.0.0.1",
            ["Publishing__Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Publishing__CaFile"] = broker.Certificates.CaFile,
            ["Publishing__ClientCertificateFile"] = broker.Certificates.CertFile(_device.Device),
            ["Publishing__ClientKeyFile"] = broker.Certificates.KeyFile(_device.Device),
            ["Cameras__Sources__0__Name"] = "cam-1",
            ["Cameras__Sources__0__Url"] = scene.VideoPath,
            ["Cameras__Sources__0__Regions__0__Name"] = "line-" + region.Name,
            ["Cameras__Sources__0__Regions__0__Kind"] = region.Kind,
            ["Cameras__Sources__0__Regions__0__Polygon"] = region.Polygon,
        };
        await using var agent = ChildProcess.StartDotnet("installed agent", dll, [], environment: filled);
        await Eventually.TrueAsync(() => signals.Any(s => s.Source == "cam-1" && s.Kind == SignalKind.CameraHealth) && signals.Any(s => s.Source == "line-" + region.Name),
            "camera signals from the installed agent at the broker", TimeSpan.FromSeconds(60));
        await agent.StopAsync();

        Assert.All(signals, s => Assert.True(s.Source is "cam-1" || s.Source == "line-" + region.Name, $"signal from {s.Source}: not a configured source"));
        Assert.Empty(agent.ErrorLines());
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The KEY=value lines of an environment file, as systemd's EnvironmentFile reads them (comments and blank lines skipped).</summary>
    private static Dictionary<string, string> Environment(string file) => File.ReadAllLines(file)
        .Where(l => l.Length > 0 && l[0] != '#' && l.Contains('=', StringComparison.Ordinal))
        .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);

    private static async Task<(int Code, string Log)> RunAsync(string script, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(script, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
