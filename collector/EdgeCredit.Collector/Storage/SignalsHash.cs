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
