namespace EdgeCredit.Scenes.MeterDisplays;

/// <summary>
/// A meter filmed over time: readings every <see cref="Interval"/> of a register driven by a load that switches between
/// off, idle and up to <see cref="MaxKilowatts"/>. For drums the register is continuous, so some frames catch wheels
/// turning (between two digits). <see cref="Frames"/> gives each frame's spec and the true register (units of the
/// last digit, with its fraction).
/// </summary>
internal sealed record MeterSequence(DisplayKind Kind, int Digits, int Decimals, double MaxKilowatts, TimeSpan Interval, IReadOnlyList<MeterDisplaySpec> Frames)
{
    /// <summary>Builds <paramref name="count"/> frames from <paramref name="seed"/> (tune 1000-8999, eval 9000+).</summary>
    public static MeterSequence Create(DisplayKind kind, int seed, int count, TimeSpan interval)
    {
        var random = new Random(seed * 104729);
        var digits = random.Next(6, 9);
        var decimals = kind == DisplayKind.Drum ? 1 : random.Next(1, 3);
        var unitKwh = Math.Pow(10, -decimals);
        var maxKw = random.Next(20, 200);
        var register = random.NextDouble() * Math.Pow(10, digits - 2);
        var degradations = Enum.GetValues<Degradation>();
        var frames = new List<MeterDisplaySpec>(count);
        var kw = 0.0;
        for (var i = 0; i < count; i++)
        {
            if (i % 10 == 0)
            {
                kw = random.NextDouble() switch { < 0.2 => 0, < 0.4 => maxKw * 0.1, var p => maxKw * p };
            }

            var drum = kind == DisplayKind.Drum;
            var shown = drum ? register : Math.Floor(register);
            frames.Add(new MeterDisplaySpec(kind, degradations[random.Next(degradations.Length)], digits, decimals, shown, seed * 1000 + i));
            register += kw * interval.TotalHours / unitKwh;
        }

        return new MeterSequence(kind, digits, decimals, maxKw, interval, frames);
    }
}
