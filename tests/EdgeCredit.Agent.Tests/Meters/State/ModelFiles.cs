namespace EdgeCredit.Agent.Tests.Meters.State;

/// <summary>Where the committed model and its card are, seen from the test binaries.</summary>
internal static class ModelFiles
{
    /// <summary>The model as shipped next to the agent (copied to every output folder that references it).</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "models", "machine-state.onnx");

    public static string Card => Path.Combine(RepositoryRoot, "models", "machine-state", "MODEL_CARD.md");

    public static string Committed => Path.Combine(RepositoryRoot, "models", "machine-state", "machine-state.onnx");

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EdgeCredit.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("EdgeCredit.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
