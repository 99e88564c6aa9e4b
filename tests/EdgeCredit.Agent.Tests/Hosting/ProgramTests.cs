using System.Diagnostics;

namespace EdgeCredit.Agent.Tests.Hosting;

/// <summary>Starts the real agent process, as the demo and the integration tests do.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Main_BadPort_PrintsKeyAndValueAndExitsWithTwo()
    {
        var (exitCode, text, stdout) = await RunAsync("--Publishing:Port=0", "--Agent:Device=gw-01", "--Agent:Window=00:00:07");

        Assert.Equal(2, exitCode);
        Assert.Contains("Publishing:Port = '0'", text, StringComparison.Ordinal);
        Assert.Contains("Agent:Window = '00:00:07'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_BadMeters_NamesEachMeterKeyAndFixAndExitsWithTwo()
    {
        var (exitCode, text, stdout) = await RunAsync(
            "--Pulse:Meters:0:Name=main-meter", "--Pulse:Meters:0:Pin=17", "--Pulse:Meters:0:PulsesPerKwh=0",
            "--Modbus:Models:sdm:0:Quantity=Power", "--Modbus:Models:sdm:0:Address=0", "--Modbus:Models:sdm:0:Type=Float32",
            "--Modbus:Models:sdm:1:Quantity=Energy", "--Modbus:Models:sdm:1:Address=1", "--Modbus:Models:sdm:1:Type=Float32",
            "--Modbus:Meters:0:Name=line-2", "--Modbus:Meters:0:Host=127.0.0.1", "--Modbus:Meters:0:Model=sdm");

        Assert.Equal(2, exitCode);
        Assert.Contains("Pulse:Meters:0:PulsesPerKwh = '0'", text, StringComparison.Ordinal);
        Assert.Contains("Modbus:Models:sdm:1:Address = '1'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_SameMeterNameInTwoFamilies_NamesBothSectionsAndExitsWithTwo()
    {
        var (exitCode, text, _) = await RunAsync("--Clamp:Meters:0:Name=press-1", "--Clamp:Meters:0:Driver=Simulated");

        Assert.Equal(2, exitCode);
        Assert.Contains("'press-1' is used in section Simulator and in section Clamp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr, string Stdout)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EdgeCredit.Agent.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { dll, "--Agent:Enterprise=acme-metal", "--Agent:DataDirectory=" + Path.Combine(Path.GetTempPath(), "edgecredit-program-tests") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stderr, await stdout);
    }
}
