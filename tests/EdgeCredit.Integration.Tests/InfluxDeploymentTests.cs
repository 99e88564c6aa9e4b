using System.Diagnostics;
using EdgeCredit.Collector.TimeSeries;
using EdgeCredit.Testing.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace EdgeCredit.Integration.Tests;

/// <summary>
/// The production InfluxDB 2.x files in deploy/influxdb cannot run here (no InfluxDB 2.x server installs on these
/// machines), so their Flux is at least parsed by InfluxData's own Flux parser (deploy/influxdb/check-flux.sh).
/// </summary>
public sealed class InfluxDeploymentTests
{
    [Fact]
    public void CollectorSection_BindsAndPassesTheCollectorsValidator()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RepoPaths.Deploy("influxdb", "collector-timeseries.json")).Build();
        var options = configuration.GetSection(TimeSeriesOptions.SectionName).Get<TimeSeriesOptions>()!;

        var result = new TimeSeriesOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.True(options.Enabled);
        Assert.Equal(5000, options.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryMax);
    }

    [Fact]
    public async Task CheckFlux_DeployFiles_ParseWithoutErrors()
    {
        var (exit, output) = await RunAsync();

        Assert.True(exit == 0, output);
        Assert.Contains("downsample-hourly.flux: 8 statements, 0 syntax errors", output, StringComparison.Ordinal);
        Assert.Contains("README.md flux block 1: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckFlux_TaskWithMissingOperand_FailsNamingTheToken()
    {
        using var directory = new TempDirectory("check-flux");
        var task = await File.ReadAllTextAsync(RepoPaths.Deploy("influxdb", "downsample-hourly.flux"));
        var broken = Path.Combine(directory.Path, "broken.flux");
        await File.WriteAllTextAsync(broken, task.Replace("r._field == \"value\"", "r._field == ", StringComparison.Ordinal));

        var (exit, output) = await RunAsync(broken);

        Assert.Equal(1, exit);
        Assert.Contains("broken.flux: 8 statements, 1 syntax errors", output, StringComparison.Ordinal);
        Assert.Contains("invalid token for primary expression: RPAREN", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] files)
    {
        var info = new ProcessStartInfo(RepoPaths.Deploy("influxdb", "check-flux.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var file in files)
        {
            info.ArgumentList.Add(file);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }
}
