using System.Collections.Concurrent;

namespace EdgeCredit.Scenes.Tests;

/// <summary>Renders each clip the tests need once (into a temporary folder removed at the end) and shares it.</summary>
public sealed class RenderedScenesFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RenderedScene>> scenes = new();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "edgecredit-scenes-tests-" + Guid.NewGuid().ToString("N"));

    internal RenderedScene Get(SceneSpec spec) =>
        scenes.GetOrAdd(
            $"{spec.Name}-{spec.Seed}-{spec.Width}x{spec.Height}-{spec.Fps}-{spec.Seconds}-{spec.WriteAvi}",
            _ => new Lazy<RenderedScene>(() => SceneWriter.WriteAsync(spec, Path.Combine(Folder, Guid.NewGuid().ToString("N")), null, CancellationToken.None).GetAwaiter().GetResult())).Value;

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, true);
        }
    }
}
