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
    public void DeployedRuntime_Unit_GivesTheSmallFirstGeneration()
    {
        Assert.Equal("0x400000", DeployedRuntime.Agent["DOTNET_GCgen0size"]);
        Assert.All(DeployedRuntime.Agent.Keys, key => Assert.StartsWith("DOTNET_", key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartDotnet_WithTheUnitsRuntime_ChildSeesTheSettings()
    {
        // The agent is started the same way (AgentProcess); a child that prints its environment shows what it got.
        await using var child = ChildProcess.Start("env", "/usr/bin/env", [], environment: DeployedRuntime.Agent);

        var line = await child.WaitForLineAsync(l => l.StartsWith("DOTNET_GCgen0size=", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Equal("DOTNET_GCgen0size=0x400000", line);
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
