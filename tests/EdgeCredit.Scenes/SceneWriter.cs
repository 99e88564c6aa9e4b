using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace EdgeCredit.Scenes;

/// <summary>Renders a scene into <c>NAME.mp4</c> (+ <c>NAME.avi</c>) and <c>NAME.json</c> in a folder.</summary>
internal static class SceneWriter
{
    public static async Task<RenderedScene> WriteAsync(SceneSpec spec, string folder, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Directory.CreateDirectory(folder);
        var stopwatch = Stopwatch.StartNew();
        var script = ScriptBuilder.Build(spec);
        var video = Path.Combine(folder, spec.Name + ".mp4");
        var avi = spec.WriteAvi ? Path.Combine(folder, spec.Name + ".avi") : null;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var writer = new FfmpegVideoWriter(video, avi, spec))
        using (var renderer = new SceneRenderer(script))
        {
            renderer.Render(
                (i, frame) =>
                {
                    hash.AppendData(frame);
                    writer.Write(frame);
                    if ((i + 1) % Math.Max(1, spec.Fps * 10) == 0 || i + 1 == spec.FrameCount)
                    {
                        progress?.Report(i + 1);
                    }
                },
                cancellationToken);
            await writer.CompleteAsync(cancellationToken);
        }

        var truth = TruthBuilder.Build(script, Path.GetFileName(video), Convert.ToHexStringLower(hash.GetHashAndReset()));
        var truthPath = Path.Combine(folder, spec.Name + ".json");
        await File.WriteAllTextAsync(truthPath, ToJson(truth), cancellationToken);
        return new RenderedScene(video, avi, truthPath, truth, stopwatch.Elapsed);
    }

    /// <summary>Renders without encoding and returns the SHA-256 of all raw BGR frames (for determinism checks and speed).</summary>
    public static string HashFrames(SceneSpec spec, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var renderer = new SceneRenderer(ScriptBuilder.Build(spec));
        renderer.Render((_, frame) => hash.AppendData(frame), cancellationToken);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public static string ToJson(SceneTruth truth) => JsonSerializer.Serialize(truth, TruthJsonContext.Default.SceneTruth);

    public static SceneTruth ReadTruth(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), TruthJsonContext.Default.SceneTruth)
        ?? throw new InvalidDataException($"{path} holds no scene truth");
}
