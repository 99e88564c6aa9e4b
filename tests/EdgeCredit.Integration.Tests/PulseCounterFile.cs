using System.Buffers.Binary;

namespace EdgeCredit.Integration.Tests;

/// <summary>
/// Reads an agent's pulse counter file as documented in edge-agent/EdgeCredit.Agent/Meters/Pulse/README.md (two 32-byte
/// slots: magic "ECP1", uint64 sequence, int64 pulses, int64 written-at, CRC-32 of bytes 0..27; the valid slot with the
/// higher sequence wins), independently of the agent's own code.
/// </summary>
internal static class PulseCounterFile
{
    public static long? ReadPulses(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var data = File.ReadAllBytes(path);
        (ulong Sequence, long Pulses)? best = null;
        for (var offset = 0; offset + 32 <= data.Length && offset <= 32; offset += 32)
        {
            var slot = data.AsSpan(offset, 32);
            if (!slot[..4].SequenceEqual("ECP1"u8) || BinaryPrimitives.ReadUInt32LittleEndian(slot[28..]) != Crc32(slot[..28]))
            {
                continue;
            }

            var candidate = (BinaryPrimitives.ReadUInt64LittleEndian(slot[4..]), BinaryPrimitives.ReadInt64LittleEndian(slot[12..]));
            if (best is null || candidate.Item1 > best.Value.Sequence)
            {
                best = candidate;
            }
        }

        return best?.Pulses;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
