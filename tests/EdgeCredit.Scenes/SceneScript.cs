namespace EdgeCredit.Scenes;

/// <summary>The whole plan of a clip, decided from the spec's seed before any pixel is drawn: the ground truth comes from here.</summary>
internal sealed record SceneScript(
    SceneSpec Spec,
    IReadOnlyList<ScriptedRegion> Regions,
    IReadOnlyList<ScriptedPerson> People,
    IReadOnlyList<ScriptedItem> Items,
    LightingPlan Lighting,
    TamperPlan? Tamper)
{
    public double Aspect => (double)Spec.Width / Spec.Height;

    public ScriptedRegion? Conveyor => Regions.FirstOrDefault(r => r.Machine is null);

    public double Time(int frame) => (double)frame / Spec.Fps;
}
