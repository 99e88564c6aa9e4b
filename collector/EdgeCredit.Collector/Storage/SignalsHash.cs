using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Storage;

/// <summary>
/// SHA-256 of a batch's signals in the canonical form the collector stores them in (times in Unix milliseconds,
/// wire names, IEEE value bits, strings length-prefixed UTF-8, in batch order). Two copies of a batch that
/// would store the same rows have the same hash, whatever their JSON spelling or sentAt; a stored batch's
/// hash can also be recomputed from its signal rows.
/// </summary>
internal static class SignalsHash
{
    public const int Length = 32;

    /// <summary>
    /// The hash of a batch's signals and events. A batch without events hashes exactly as <see cref="Of(IReadOnlyList{Signal})"/>
    /// (batches stored before events existed keep their hash); events are appended in canonical form after the signals.
    /// </summary>
    public static byte[] Of(IReadOnlyList<Signal> signals, IReadOnlyList<DeviceEvent>? events)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (events is not { Count: > 0 })
        {
            return Of(signals);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Of(signals));
        Span<byte> number = stackalloc byte[sizeof(long)];
        AppendInt64(hash, number, events.Count);
        foreach (var e in events)
        {
            AppendInt64(hash, number, e.At.ToUnixTimeMilliseconds());
            AppendString(hash, number, e.Source);
            AppendString(hash, number, ProtocolJson.EnumWireName(e.Type));
            AppendString(hash, number, e.Condition is { } c ? ProtocolJson.EnumWireName(c) : string.Empty);
            AppendString(hash, number, e.State ?? string.Empty);
            AppendInt64(hash, number, e.Confidence is { } confidence ? BitConverter.DoubleToInt64Bits(confidence == 0 ? 0.0 : confidence) : long.MinValue);
            AppendInt64(hash, number, e.Since?.ToUnixTimeMilliseconds() ?? long.MinValue);
            AppendString(hash, number, e.Detail ?? string.Empty);
        }

        return hash.GetHashAndReset();
    }

    public static byte[] Of(IReadOnlyList<Signal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return Of(signals.Select(s => new SignalRow(
            string.Empty,
            0,
            s.Start.ToUnixTimeMilliseconds(),
            s.End.ToUnixTimeMilliseconds(),
            s.Source,
            SignalVocabulary.WireName(s.Kind),
            s.Value,
            s.Unit,
            ProtocolJson.EnumWireName(s.Quality))).ToList());
    }

    /// <summary>The hash of stored rows (their device and sequence are not part of it).</summary>
    public static byte[] Of(IReadOnlyCollection<SignalRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> number = stackalloc byte[sizeof(long)];
        AppendInt64(hash, number, rows.Count);
        foreach (var row in rows)
        {
            AppendInt64(hash, number, row.StartMs);
            AppendInt64(hash, number, row.EndMs);
            AppendString(hash, number, row.Source);
            AppendString(hash, number, row.Kind);

            // SQLite may give back -0.0 as 0.0; both mean the same measurement.
            AppendInt64(hash, number, BitConverter.DoubleToInt64Bits(row.Value == 0 ? 0.0 : row.Value));
            AppendString(hash, number, row.Unit);
            AppendString(hash, number, row.Quality);
        }

        return hash.GetHashAndReset();
    }

    private static void AppendInt64(IncrementalHash hash, Span<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }

    private static void AppendString(IncrementalHash hash, Span<byte> buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt64(hash, buffer, bytes.Length);
        hash.AppendData(bytes);
    }
}
