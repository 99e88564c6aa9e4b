namespace EdgeCredit.Scenes;

/// <summary>Seed family of a scene: tests may tune thresholds on <see cref="Tune"/>; only the evaluation uses <see cref="Eval"/>.</summary>
internal enum SceneSet
{
    Tune,
    Eval,
}
