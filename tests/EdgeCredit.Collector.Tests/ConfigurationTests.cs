using System.Diagnostics;
using EdgeCredit.Collector.Broker;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using EdgeCredit.Collector.Ingest;
using Microsoft.Extensions.Configuration;

namespace EdgeCredit.Collector.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void BrokerValidator_PortOutOfRange_NamesKeyValueAndRange()
    {
        var result = new BrokerOptionsValidator().Validate(null, new BrokerOptions { Port = 70000 });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Broker:Port = '70000'", failure, StringComparison.Ordinal);
        Assert.Contains("1 to 65535", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokerValidator_ExternalWithoutHost_NamesHostKey()
    {
        var result = new BrokerOptionsValidator().Validate(null, new BrokerOptions { Mode = BrokerMode.External });
        Assert.Contains(result.Failures!, f => f.StartsWith("Broker:Host", StringComparison.Ordinal));
    }

    [Fact]
    public void IngestValidator_ZeroCapacity_NamesKey()
    {
        var result = new IngestOptionsValidator().Validate(null, new IngestOptions { QueueCapacity = 0 });
        Assert.Contains(result.Failures!, f => f.Contains("Ingest:QueueCapacity = '0'", StringComparison.Ordinal));
    }

    [Fact]
    public void RegistryValidator_BadSecretHash_NamesIndexedKeyAndFix()
    {
        var options = new RegistryOptions();
        options.Devices.Add(new DeviceOptions { Id = "gw-01", Enterprise = "acme", SecretHash = "plaintext" });
        options.Devices.Add(new DeviceOptions { Id = "GW 02", Enterprise = "acme", SecretHash = SecretHash.Create("x").ToString() });

        var result = new RegistryOptionsValidator(new ConfigurationBuilder().Build()).Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("Registry:Devices:0:SecretHash = 'plaintext'", StringComparison.Ordinal) && f.Contains("hash-secret", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Registry:Devices:1:Id = 'GW 02'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_InvalidPort_OptionsValidationNamesKey()
    {
        var directory = Directory.CreateTempSubdirectory("collector-config-").FullName;
        try
        {
            var ex = Assert.ThrowsAny<Exception>(() => CollectorHost.Build(["--urls", "http://127.0.0.1:0", "--Broker:Port=0", $"--Storage:Path={directory}/c.db"]));

            Assert.True(StartupErrors.TryDescribe(ex, out var lines));
            Assert.Contains(lines, l => l.Contains("Broker:Port = '0'", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Process_InvalidConfiguration_Exit2WithMessageOnStderr()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EdgeCredit.Collector.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0", "--Ingest:MaxBatchMessages=0", "--Broker:Port=99999" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        var text = await stderr;
        Assert.Contains("Broker:Port = '99999'", text, StringComparison.Ordinal);
        Assert.Contains("Ingest:MaxBatchMessages = '0'", text, StringComparison.Ordinal);
        await stdout;
    }

    [Fact]
    public async Task Process_HashSecretVerb_PrintsHash()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EdgeCredit.Collector.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { dll, "hash-secret", "abc" }, RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, process.ExitCode);
        Assert.True(SecretHash.TryParse(output.Trim(), out var hash));
        Assert.True(hash.Matches("abc"));
    }
}
