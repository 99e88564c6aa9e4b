namespace EdgeCredit.Testing.Infrastructure;

/// <summary>A directory under /tmp owned by one test, deleted at the end unless EDGECREDIT_KEEP_TEST_DIRS is set.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix)
    {
        Path = Directory.CreateTempSubdirectory("edgecredit-" + prefix + "-").FullName;
    }

    public string Path { get; }

    public string Sub(string name)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("EDGECREDIT_KEEP_TEST_DIRS") is null && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
