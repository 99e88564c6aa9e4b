using System.Diagnostics;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Integration.Tests;

/// <summary>
/// The agent's systemd unit (deploy/systemd/edgecredit-agent.service): systemd accepts it, and the agent processes that
/// tests and benchmarks start get its runtime settings.
/// </summary>
public sealed class AgentServiceUnitTests
{
    private static string Unit => RepoPaths.Deploy("systemd", "edgecredit-agent.service");

    [Fact]
    public void DeployedRuntime_Unit_GivesTheSmallFirstGenerationSmallRegionsAndTwoMallocArenas()
    {
        Assert.Equal("0x400000", DeployedRuntime.Agent["DOTNET_GCgen0size"]);
        Assert.Equal("0x100000", DeployedRuntime.Agent["DOTNET_GCRegionSize"]);
        Assert.Equal("2", DeployedRuntime.Agent["MALLOC_ARENA_MAX"]);
        // The unit's site settings (Environment=Agent__DataDirectory=...) are not runtime settings: tests pass their own.
        Assert.DoesNotContain("Agent__DataDirectory", DeployedRuntime.Agent.Keys);
    }

    [Fact]
    public async Task StartDotnet_WithTheUnitsRuntime_ChildSeesTheSettings()
    {
        // The agent is started the same way (AgentProcess); a child that prints its environment shows what it got.
        await using var child = ChildProcess.Start("env", "/usr/bin/env", [], environment: DeployedRuntime.Agent);

        var gen0 = await child.WaitForLineAsync(l => l.StartsWith("DOTNET_GCgen0size=", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var arenas = await child.WaitForLineAsync(l => l.StartsWith("MALLOC_ARENA_MAX=", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Equal("DOTNET_GCgen0size=0x400000", gen0);
        Assert.Equal("MALLOC_ARENA_MAX=2", arenas);
    }

    [Fact]
    public async Task SystemdAnalyzeVerify_Unit_NoComplaints()
    {
        using var verify = Process.Start(new ProcessStartInfo("systemd-analyze", ["verify", Unit])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await verify.StandardOutput.ReadToEndAsync() + await verify.StandardError.ReadToEndAsync();
        await verify.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(verify.ExitCode == 0, output);
        Assert.True(output.Trim().Length == 0, output);
    }
}
