namespace EdgeCredit.Testing.Infrastructure;

/// <summary>Where the repository, its deploy files and the built programs are, found from the test assembly.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built with (the programs are built alike).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string Deploy(params string[] parts) => Path.Combine([Root, "deploy", .. parts]);

    public static string AgentDll => Built("edge-agent", "EdgeCredit.Agent");

    public static string CollectorDll => Built("collector", "EdgeCredit.Collector");

    private static string Built(string folder, string project)
    {
        var path = Path.Combine(Root, folder, project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the solution first (dotnet build -c {Configuration}).", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeCredit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"EdgeCredit.sln not found above {AppContext.BaseDirectory}");
    }
}
