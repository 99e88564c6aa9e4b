using System.Collections.Frozen;

namespace EdgeCredit.Protocol;

/// <summary>The unit and the allowed range of every <see cref="SignalKind"/>.</summary>
public static class SignalVocabulary
{
    /// <summary>One entry of the vocabulary.</summary>
    /// <param name="Kind">The kind.</param>
    /// <param name="Unit">The only unit the kind may carry.</param>
    /// <param name="Minimum">Smallest allowed value.</param>
    /// <param name="Maximum">Largest allowed value, or null when the bound is the window length in seconds.</param>
    /// <param name="PerWindowSeconds">True when the value counts seconds and may not exceed the window length.</param>
    public sealed record Entry(SignalKind Kind, string Unit, double Minimum, double? Maximum, bool PerWindowSeconds);

    private static readonly FrozenDictionary<SignalKind, Entry> Entries = new Entry[]
    {
        new(SignalKind.Energy, "kWh", 0, 1e6, false),
        new(SignalKind.PowerAvg, "kW", 0, 1e5, false),
        new(SignalKind.PowerPeak, "kW", 0, 1e5, false),
        new(SignalKind.RunningSeconds, "s", 0, null, true),
        new(SignalKind.IdleSeconds, "s", 0, null, true),
        new(SignalKind.OffSeconds, "s", 0, null, true),
        new(SignalKind.OutputCount, "count", 0, 1e7, false),
        new(SignalKind.ActivityIndex, "ratio", 0, 1, false),
        new(SignalKind.PeoplePresent, "count", 0, 1e4, false),
        new(SignalKind.OccupiedSeconds, "s", 0, null, true),
        new(SignalKind.CameraHealth, "ratio", 0, 1, false),
        new(SignalKind.MeterRegister, "kWh", 0, 1e12, false),
        new(SignalKind.CurrentRms, "A", 0, 1e5, false),
        new(SignalKind.HiddenSeconds, "s", 0, null, true),
    }.ToFrozenDictionary(e => e.Kind);

    public static IReadOnlyCollection<Entry> All => Entries.Values;

    public static Entry Of(SignalKind kind) =>
        Entries.TryGetValue(kind, out var entry)
            ? entry
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of wire protocol v1.");

    public static string UnitOf(SignalKind kind) => Of(kind).Unit;

    /// <summary>Wire name of a kind, for example <c>running_seconds</c>.</summary>
    public static string WireName(SignalKind kind) => ProtocolJson.EnumWireName(kind);

    public static bool TryParseKind(string wireName, out SignalKind kind) => ProtocolJson.TryParseEnum(wireName, out kind);
}
