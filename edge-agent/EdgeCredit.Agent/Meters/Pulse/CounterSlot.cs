using System.Buffers.Binary;

namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>
/// One 32-byte slot of a pulse counter file (all integers little-endian):
/// <code>
/// offset size field
///      0    4 magic "ECP1" (0x45 0x43 0x50 0x31)
///      4    8 sequence (uint64): +1 per write; the slot written is sequence % 2 (file offset 32 × (sequence % 2))
///     12    8 pulses (int64): cumulative pulse count of the meter
///     20    8 written at, Unix time in milliseconds (int64), for people reading the file
///     28    4 CRC-32 (IEEE) of bytes 0..27
/// </code>
/// The valid slot with the higher sequence is the current value.
/// </summary>
internal readonly record struct CounterSlot(ulong Sequence, long Pulses, long WrittenAtUnixMs)
{
    public const int Size = 32;

    private static ReadOnlySpan<byte> Magic => "ECP1"u8;

    public static long OffsetOf(ulong sequence) => (long)(sequence % 2) * Size;

    public void WriteTo(Span<byte> destination)
    {
        Magic.CopyTo(destination);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[4..], Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(destination[12..], Pulses);
        BinaryPrimitives.WriteInt64LittleEndian(destination[20..], WrittenAtUnixMs);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], Crc32.Compute(destination[..28]));
    }

    /// <summary>Reads a slot; null when it is empty, torn or corrupted (bad magic or CRC).</summary>
    public static CounterSlot? TryRead(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size || !source[..4].SequenceEqual(Magic)
            || BinaryPrimitives.ReadUInt32LittleEndian(source[28..]) != Crc32.Compute(source[..28]))
        {
            return null;
        }

        var slot = new CounterSlot(
            BinaryPrimitives.ReadUInt64LittleEndian(source[4..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[12..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[20..]));
        return slot.Pulses < 0 ? null : slot;
    }
}
