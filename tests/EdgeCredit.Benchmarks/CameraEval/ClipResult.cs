using EdgeCredit.Scenes;

namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>One evaluated clip: its truth (null for a real clip), what the stages said, and the scores.</summary>
internal sealed record ClipResult(SceneTruth? Truth, ClipObservation Observation, IReadOnlyList<RegionScore> Regions, TamperScore? Tamper)
{
    public bool IsNuisance => Truth?.Scene.StartsWith("nuisance", StringComparison.Ordinal) == true;

    public bool IsTamper => Tamper is not null;

    public bool IsReal => Truth is null;
}
