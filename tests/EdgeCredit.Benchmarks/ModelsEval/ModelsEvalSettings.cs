using EdgeCredit.Scenes;

namespace EdgeCredit.Benchmarks.ModelsEval;

/// <summary>
/// What <c>vision-models-eval</c> runs: renders cached in <see cref="Folder"/>, the real clips in
/// <see cref="VideoFolder"/>, the catalogue model, and scenes <see cref="Skip"/> .. <see cref="Scenes"/> - 1 of the seed
/// family (seed = family base + scene number). Development only: <see cref="OnlySeed"/> replays that one scene.
/// </summary>
internal sealed record ModelsEvalSettings(string Folder, string VideoFolder, string Model, int Scenes, SceneSet Set = SceneSet.Eval, int Skip = 0, int? OnlySeed = null)
{
    /// <summary>The scene numbers to run, [First, End), for a family whose seeds start at <paramref name="seedBase"/>.</summary>
    public (int First, int End) Range(int seedBase) => OnlySeed is { } seed ? (seed - seedBase, seed - seedBase + 1) : (Skip, Scenes);
}
