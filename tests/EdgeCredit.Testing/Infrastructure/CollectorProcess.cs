using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using EdgeCredit.Testing.Servers;

namespace EdgeCredit.Testing.Infrastructure;

/// <summary>The real collector as a child process (dotnet EdgeCredit.Collector.dll), restartable with the same settings.</summary>
internal sealed class CollectorProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<string, string> Hashes = new();
    private readonly List<string> _arguments;
    private ChildProcess? _process;

    private CollectorProcess(string dataDirectory, int apiPort, int? mqttPort, List<string> arguments, string apiKey)
    {
        DataDirectory = dataDirectory;
        ApiPort = apiPort;
        MqttPort = mqttPort;
        _arguments = arguments;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        Api.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        ApiKey = apiKey;
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "collector.db");

    public int ApiPort { get; }

    /// <summary>The embedded broker's port, or null when the collector uses an external broker.</summary>
    public int? MqttPort { get; }

    public string ApiKey { get; }

    public HttpClient Api { get; }

    public ChildProcess Process => _process ?? throw new InvalidOperationException("collector not started");

    /// <summary>Starts a collector with its embedded broker on a free port.</summary>
    public static Task<CollectorProcess> StartEmbeddedAsync(string dataDirectory, IEnumerable<DeviceSpec> devices, params string[] extra)
    {
        var mqttPort = FreePort.Next();
        return StartAsync(dataDirectory, mqttPort, devices, ["--Broker:Mode=Embedded", $"--Broker:Port={mqttPort}", .. extra]);
    }

    /// <summary>Starts a collector that subscribes to a real mosquitto with the given certificate name.</summary>
    public static Task<CollectorProcess> StartExternalAsync(string dataDirectory, Mosquitto broker, string certificateName, IEnumerable<DeviceSpec> devices, params string[] extra) =>
        StartAsync(dataDirectory, null, devices,
        [
            "--Broker:Mode=External", "--Broker:Host=127.0.0.1", $"--Broker:Port={broker.Port}", "--Broker:UseTls=true",
            $"--Broker:CaFile={broker.Certificates.CaFile}", $"--Broker:ClientCertificateFile={broker.Certificates.CertFile(certificateName)}",
            $"--Broker:ClientKeyFile={broker.Certificates.KeyFile(certificateName)}", $"--Broker:ClientId={certificateName}",
            "--Broker:ReconnectMin=00:00:00.200", "--Broker:ReconnectMax=00:00:02",
            .. extra,
        ]);

    public static async Task<string> HashSecretAsync(string secret)
    {
        if (Hashes.TryGetValue(secret, out var cached))
        {
            return cached;
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(RepoPaths.CollectorDll);
        info.ArgumentList.Add("hash-secret");
        info.ArgumentList.Add(secret);
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 && output.Length > 0
            ? Hashes.GetOrAdd(secret, output)
            : throw new InvalidOperationException($"hash-secret failed: {await process.StandardError.ReadToEndAsync()}");
    }

    public async Task RestartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("collector is still running");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = ChildProcess.StartDotnet("collector", RepoPaths.CollectorDll, _arguments);
        await WaitHealthyAsync();
    }

    public Task KillAsync() => Process.KillAsync();

    public Task StopAsync() => Process.StopAsync();

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} -> {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The device entry of /api/v1/devices, or null when the collector does not know it yet.</summary>
    public async Task<JsonElement?> DeviceAsync(string device)
    {
        var devices = await GetJsonAsync("/api/v1/devices");
        foreach (var d in devices.EnumerateArray())
        {
            if (d.GetProperty("device").GetString() == device)
            {
                return d;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private static async Task<CollectorProcess> StartAsync(string dataDirectory, int? mqttPort, IEnumerable<DeviceSpec> devices, List<string> extra)
    {
        var apiKey = DeviceSpec.Create("x", "x").Secret;
        var apiPort = FreePort.Next();
        var arguments = new List<string>
        {
            "--urls", $"http://127.0.0.1:{apiPort}",
            $"--Storage:Path={Path.Combine(dataDirectory, "collector.db")}",
            "--Api:Keys:0:Name=test-lender", $"--Api:Keys:0:KeyHash={await HashSecretAsync(apiKey)}",
            "--Logging:Console:FormatterOptions:SingleLine=true",
        };
        var i = 0;
        foreach (var device in devices)
        {
            arguments.Add($"--Registry:Devices:{i}:Id={device.Device}");
            arguments.Add($"--Registry:Devices:{i}:Enterprise={device.Enterprise}");
            arguments.Add($"--Registry:Devices:{i}:SecretHash={await HashSecretAsync(device.Secret)}");
            i++;
        }

        arguments.AddRange(extra);
        var collector = new CollectorProcess(dataDirectory, apiPort, mqttPort, arguments, apiKey);
        await collector.RestartAsync();
        return collector;
    }

    private async Task WaitHealthyAsync()
    {
        using var plain = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"collector exited with {Process.ExitCode} at start.\n{Process.Tail()}");
            }

            try
            {
                using var response = await plain.GetAsync("/healthz");
                if (response.IsSuccessStatusCode && (MqttPort is null || await IsListeningAsync(MqttPort.Value)))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"collector not healthy within 60 s.\n{Process.Tail()}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            await FreePort.WaitListeningAsync(port, TimeSpan.Zero);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
