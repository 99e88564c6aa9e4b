namespace EdgeCredit.Scenes;

/// <summary>
/// The named scenes. Seeds of the tune family are 1000 + n, of the eval family 9000 + n: tests tune only on the first,
/// the evaluation command runs only the second, so a threshold is never judged on the clip it was fitted to.
/// </summary>
internal static class SceneCatalogue
{
    public const int TuneSeedBase = 1000;
    public const int EvalSeedBase = 9000;

    public static IReadOnlyList<CatalogueEntry> Entries { get; } = Create();

    public static CatalogueEntry Get(string name) =>
        Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no scene '{name}': known scenes are {string.Join(", ", Entries.Select(e => e.Name))}");

    /// <summary>The scene's spec in a seed family, with its fixed seed.</summary>
    public static SceneSpec Spec(string name, SceneSet set)
    {
        var entry = Get(name);
        return entry.Defaults with { Set = set, Seed = entry.Seed(set) };
    }

    public static bool IsTuneSeed(int seed) => seed is >= TuneSeedBase and < EvalSeedBase;

    private static List<CatalogueEntry> Create()
    {
        var entries = new List<CatalogueEntry>();
        void Add(string name, string description, SceneSpec spec) =>
            entries.Add(new CatalogueEntry(name, description, TuneSeedBase + entries.Count, EvalSeedBase + entries.Count, spec));

        Add("normal-shift", "3 machines and a conveyor on schedules, people walking and stopping, lighting drift and a light bank switched off and on", new SceneSpec { Name = "normal-shift", Seconds = 120, PeoplePerMinute = 2 });
        Add("nuisance-only", "every machine and the conveyor stopped; people walk past and stop in front of machines; lights drift and switch: no running, no tamper", new SceneSpec { Name = "nuisance-only", Seconds = 120, AllIdle = true, PeoplePerMinute = 5, DriftAmplitude = 0.1 });
        Add("conveyor", "a conveyor carrying boxes, stopping and restarting, beside 2 machines", new SceneSpec { Name = "conveyor", Seconds = 90, Machines = 2, PeoplePerMinute = 1 });
        foreach (var kind in Enum.GetValues<TamperKind>())
        {
            var name = "tamper-" + (kind == TamperKind.Defocused ? "defocus" : kind.ToString().ToLowerInvariant());
            Add(name, $"a normal scene, then {kind.ToString().ToLowerInvariant()} from the start time in the truth to the end", new SceneSpec { Name = name, Seconds = 60, PeoplePerMinute = 1.5, LightingStep = false, Tamper = kind });
        }

        Add("normal-hour", "one hour of normal-shift (320x180 at 5 fps by default so it renders in minutes)", new SceneSpec { Name = "normal-hour", Seconds = 3600, Width = 320, Height = 180, Fps = 5, PeoplePerMinute = 1.5, DriftAmplitude = 0.1 });
        Add("nuisance-hour", "one hour of nuisance-only (320x180 at 5 fps by default)", new SceneSpec { Name = "nuisance-hour", Seconds = 3600, Width = 320, Height = 180, Fps = 5, AllIdle = true, PeoplePerMinute = 3, DriftAmplitude = 0.1 });
        return entries;
    }
}
