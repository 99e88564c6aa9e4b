using EdgeCredit.Testing.Servers;

namespace EdgeCredit.Testing.Infrastructure;

/// <summary>
/// The real edge agent as a child process with simulated meters, restartable on the same data directory, with the runtime
/// settings of its systemd unit (<see cref="DeployedRuntime"/>).
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly List<string> _arguments;
    private ChildProcess? _process;

    private AgentProcess(DeviceSpec device, string dataDirectory, List<string> arguments)
    {
        Device = device;
        DataDirectory = dataDirectory;
        _arguments = arguments;
    }

    public DeviceSpec Device { get; }

    public string DataDirectory { get; }

    public string OutboxPath => Path.Combine(DataDirectory, "outbox.db");

    public ChildProcess Process => _process ?? throw new InvalidOperationException("agent not started");

    /// <summary>An agent that logs in to an embedded broker with its device secret.</summary>
    public static AgentProcess ForEmbedded(DeviceSpec device, string dataDirectory, int mqttPort, TimeSpan window, params string[] extra) =>
        new(device, dataDirectory, Common(device, dataDirectory, window, mqttPort, [$"--Publishing:Password={device.Secret}", .. extra]));

    /// <summary>An agent that connects to mosquitto over TLS with its own client certificate.</summary>
    public static AgentProcess ForMosquitto(DeviceSpec device, string dataDirectory, Mosquitto broker, TimeSpan window, params string[] extra) =>
        new(device, dataDirectory, Common(device, dataDirectory, window, broker.Port,
        [
            "--Publishing:UseTls=true", $"--Publishing:CaFile={broker.Certificates.CaFile}",
            $"--Publishing:ClientCertificateFile={broker.Certificates.CertFile(device.Device)}",
            $"--Publishing:ClientKeyFile={broker.Certificates.KeyFile(device.Device)}",
            .. extra,
        ]));

    public void Start()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("agent is still running");
        }

        _process = ChildProcess.StartDotnet("agent " + Device.Device, RepoPaths.AgentDll, _arguments, environment: DeployedRuntime.Agent);
    }

    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = null;
        Start();
    }

    public Task KillAsync() => Process.KillAsync();

    public Task StopAsync() => Process.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private static List<string> Common(DeviceSpec device, string dataDirectory, TimeSpan window, int port, IEnumerable<string> extra)
    {
        var args = new List<string>
        {
            $"--Agent:Enterprise={device.Enterprise}", $"--Agent:Device={device.Device}", $"--Agent:DataDirectory={dataDirectory}",
            $"--Agent:Window={window:c}", "--Publishing:Host=127.0.0.1", $"--Publishing:Port={port}",
            "--Publishing:ReconnectMin=00:00:00.200", "--Publishing:ReconnectMax=00:00:02", "--Publishing:StatusInterval=00:00:02", "--Publishing:ReceiptTimeout=00:00:05",
            "--Logging:Console:FormatterOptions:SingleLine=true",
        };
        args.AddRange(extra);
        return args;
    }
}
