namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>
/// The rendered meter displays of a seed family: every display kind × degradation, <c>perCell</c> cases each. Case i of
/// cell c has seed base + 100·c + i with base 1000 (tune) or 9000 (eval), so the two families never share a seed
/// (at most 100 cases per cell). Registers have 6 to 8 digits, 0 to 2 of them decimals, leading zeros shown.
/// </summary>
internal static class MeterDisplayCatalogue
{
    public const int MaxPerCell = 100;

    public static IReadOnlyList<MeterDisplaySpec> Cases(SceneSet set, int perCell)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perCell);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perCell, MaxPerCell);
        var seedBase = set == SceneSet.Eval ? SceneCatalogue.EvalSeedBase : SceneCatalogue.TuneSeedBase;
        var cases = new List<MeterDisplaySpec>();
        var cell = 0;
        foreach (var kind in Enum.GetValues<DisplayKind>())
        {
            foreach (var degradation in Enum.GetValues<Degradation>())
            {
                for (var i = 0; i < perCell; i++)
                {
                    cases.Add(Case(kind, degradation, seedBase + (cell * MaxPerCell) + i));
                }

                cell++;
            }
        }

        return cases;
    }

    /// <summary>A display of the given kind with digit count, decimals and register drawn from the seed.</summary>
    public static MeterDisplaySpec Case(DisplayKind kind, Degradation degradation, int seed)
    {
        var random = new Random(seed * 7919);
        var digits = random.Next(6, 9);
        var decimals = random.Next(0, 3);
        var register = Math.Floor(random.NextDouble() * Math.Pow(10, digits - random.Next(0, 3)));
        return new MeterDisplaySpec(kind, degradation, digits, decimals, register, seed);
    }
}
