using System.Diagnostics;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Testing.Servers;

/// <summary>
/// A real mosquitto started from deploy/mosquitto/mosquitto.conf, changing only the certificate directory
/// and the port. Can be stopped and started again on the same port with its persistence kept.
/// </summary>
internal sealed class Mosquitto : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/mosquitto";
    private readonly string _configFile;
    private ChildProcess? _process;

    private Mosquitto(string directory, int port, TestCertificates certificates)
    {
        Directory = directory;
        Port = port;
        Certificates = certificates;
        _configFile = Path.Combine(directory, "mosquitto.conf");
    }

    public string Directory { get; }

    public int Port { get; }

    public TestCertificates Certificates { get; }

    public ChildProcess Process => _process ?? throw new InvalidOperationException("mosquitto is not running");

    /// <summary>Creates certificates for the collector and each device, the ACL, the config, and starts the broker.</summary>
    public static async Task<Mosquitto> StartAsync(string directory, string collectorName, params (string Enterprise, string Device)[] devices)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install it with `apt-get install -y mosquitto mosquitto-clients` (tests/run.sh does this).");
        }

        System.IO.Directory.CreateDirectory(Path.Combine(directory, "data"));
        var certificates = await TestCertificates.CreateAsync(directory, [collectorName, .. devices.Select(d => d.Device)]);
        await WriteAclAsync(directory, collectorName, devices);

        var port = FreePort.Next();
        var config = (await File.ReadAllTextAsync(RepoPaths.Deploy("mosquitto", "mosquitto.conf")))
            .Replace("/etc/mosquitto/edgecredit", directory.TrimEnd('/'), StringComparison.Ordinal)
            .Replace("listener 8883", $"listener {port} 127.0.0.1", StringComparison.Ordinal);
        // Tests run as root in CI; keep root so the throw-away key files need no chown.
        await File.WriteAllTextAsync(Path.Combine(directory, "mosquitto.conf"), config + "\nuser root\n");
        var broker = new Mosquitto(directory, port, certificates);
        await broker.StartAgainAsync();
        return broker;
    }

    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("mosquitto is already running");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = ChildProcess.Start("mosquitto", Binary, ["-c", _configFile]);
        await FreePort.WaitListeningAsync(Port, TimeSpan.FromSeconds(20), () => _process.HasExited);
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"mosquitto exited at start.\n{_process.Tail()}");
        }
    }

    /// <summary>Graceful stop: mosquitto saves its persistence file.</summary>
    public Task StopAsync() => Process.StopAsync();

    /// <summary>Runs mosquitto_pub with a device's certificate; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> PublishAsync(string clientName, string topic, string? message = null, string? file = null)
    {
        var info = new ProcessStartInfo("mosquitto_pub") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
                 {
                     "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "1",
                     "--cafile", Certificates.CaFile, "--cert", Certificates.CertFile(clientName), "--key", Certificates.KeyFile(clientName),
                     "-i", clientName + "-pub", "-t", topic,
                 })
        {
            info.ArgumentList.Add(arg);
        }

        if (file is not null)
        {
            info.ArgumentList.Add("-f");
            info.ArgumentList.Add(file);
        }
        else
        {
            info.ArgumentList.Add("-m");
            info.ArgumentList.Add(message ?? string.Empty);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private static async Task WriteAclAsync(string directory, string collectorName, (string Enterprise, string Device)[] devices)
    {
        var info = new ProcessStartInfo(RepoPaths.Deploy("mosquitto", "make-acl.sh")) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(collectorName);
        foreach (var (enterprise, device) in devices)
        {
            info.ArgumentList.Add($"{enterprise}/{device}");
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var acl = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("make-acl.sh failed: " + await process.StandardError.ReadToEndAsync());
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "acl"), acl);
    }
}
