namespace EdgeCredit.Testing.Infrastructure;

/// <summary>
/// The runtime settings (<c>DOTNET_*</c> for .NET, <c>MALLOC_*</c> for glibc's allocator) the agent's systemd unit gives the agent process
/// (<c>deploy/systemd/edgecredit-agent.service</c>, its <c>Environment=</c> lines). Tests and benchmarks start the
/// agent with the same ones, so what they measure is the process as deployed.
/// </summary>
internal static class DeployedRuntime
{
    /// <summary>Key prefixes of the lines that set the process's runtime (deploy/demo.sh picks the same ones).</summary>
    private static readonly string[] RuntimePrefixes = ["DOTNET_", "MALLOC_"];

    public static IReadOnlyDictionary<string, string> Agent { get; } = Read(RepoPaths.Deploy("systemd", "edgecredit-agent.service"));

    /// <summary>The unit's <c>Environment=KEY=VALUE</c> lines whose key starts with <c>DOTNET_</c> or <c>MALLOC_</c>.</summary>
    public static IReadOnlyDictionary<string, string> Read(string unitFile)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(unitFile))
        {
            const string prefix = "Environment=";
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var assignment = line[prefix.Length..].Trim();
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && RuntimePrefixes.Any(p => assignment.StartsWith(p, StringComparison.Ordinal)))
            {
                settings[assignment[..equals]] = assignment[(equals + 1)..];
            }
        }

        return settings;
    }
}
