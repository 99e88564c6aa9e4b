namespace EdgeCredit.Scenes;

/// <summary>A named scene: its defaults and its fixed seed in each seed family.</summary>
internal sealed record CatalogueEntry(string Name, string Description, int TuneSeed, int EvalSeed, SceneSpec Defaults)
{
    public int Seed(SceneSet set) => set == SceneSet.Tune ? TuneSeed : EvalSeed;
}
