using System.Diagnostics;

namespace EdgeCredit.Testing.Servers;

/// <summary>A throw-away CA with server and client certificates, made by deploy/mosquitto/make-certs.sh.</summary>
internal sealed class TestCertificates
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.crt");

    public string CertFile(string name) => Path.Combine(Directory, name + ".crt");

    public string KeyFile(string name) => Path.Combine(Directory, name + ".key");

    public static async Task<TestCertificates> CreateAsync(string directory, params string[] clientNames)
    {
        var info = new ProcessStartInfo(Infrastructure.RepoPaths.Deploy("mosquitto", "make-certs.sh"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        info.ArgumentList.Add(directory);
        info.ArgumentList.Add("127.0.0.1");
        foreach (var name in clientNames)
        {
            info.ArgumentList.Add(name);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? new TestCertificates(directory)
            : throw new InvalidOperationException($"make-certs.sh failed ({process.ExitCode}): {stderr}");
    }
}
