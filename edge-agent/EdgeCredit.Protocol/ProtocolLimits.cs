using System.Text.RegularExpressions;

namespace EdgeCredit.Protocol;

/// <summary>Size and format limits of wire protocol v1. The JSON Schema states the same limits.</summary>
public static partial class ProtocolLimits
{
    /// <summary>Largest signals payload accepted, bytes.</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    public const int MaxSignalsPerBatch = 1000;

    public const int MaxEventsPerBatch = 100;

    public const int MaxEventDetailLength = 200;

    /// <summary>State words in events: lower-case letters and '_', 1 to 32 characters.</summary>
    [GeneratedRegex("^[a-z][a-z_]{0,31}$", RegexOptions.CultureInvariant)]
    public static partial Regex StatePattern();

    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxWindow = TimeSpan.FromHours(1);

    /// <summary>Enterprise and device identifiers: lower-case letters, digits, '-', '_' and '.', 1 to 64 characters.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdentifierPattern();

    /// <summary>Source names: letters, digits, '-', '_', '.', ':', 1 to 64 characters.</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$", RegexOptions.CultureInvariant)]
    public static partial Regex SourcePattern();

    public static bool IsIdentifier(string? value) => value is not null && IdentifierPattern().IsMatch(value);
}
