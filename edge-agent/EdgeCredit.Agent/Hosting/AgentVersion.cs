using System.Reflection;

namespace EdgeCredit.Agent.Hosting;

internal static class AgentVersion
{
    /// <summary>The informational version of the agent assembly, without the source revision suffix.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var version = typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
