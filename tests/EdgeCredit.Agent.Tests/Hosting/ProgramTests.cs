using System.Diagnostics;

namespace EdgeCredit.Agent.Tests.Hosting;

/// <summary>Starts the real agent process, as the demo and the integration tests do.</summary>
public sealed class ProgramTests
{
    [Fact]
    public async Task Main_BadPort_PrintsKeyAndValueAndExitsWithTwo()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "EdgeCredit.Agent.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { dll, "--Publishing:Port=0", "--Agent:Device=gw-01", "--Agent:Window=00:00:07" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, process.ExitCode);
        var text = await stderr;
        Assert.Contains("Publishing:Port = '0'", text, StringComparison.Ordinal);
        Assert.Contains("Agent:Window = '00:00:07'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await stdout, StringComparison.Ordinal);
    }
}
