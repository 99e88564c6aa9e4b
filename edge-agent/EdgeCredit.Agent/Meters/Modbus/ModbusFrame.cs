using System.Buffers.Binary;
using System.Globalization;

namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// Modbus TCP framing of "read holding/input registers" (function codes 3 and 4): the request, and the checks that
/// make anything but the exact answer to that request a protocol error. An ADU is the 7-byte MBAP header (transaction
/// id, protocol id 0, length of what follows, unit id) followed by the PDU (function code and data).
/// </summary>
internal static class ModbusFrame
{
    public const int HeaderLength = 7;
    public const int RequestLength = HeaderLength + 5;

    /// <summary>The most registers one read may ask for (the PDU carries at most 250 data bytes).</summary>
    public const int MaxRegistersPerRequest = 125;

    /// <summary>Largest PDU of a read answer: function code, byte count, 250 data bytes.</summary>
    public const int MaxResponsePduLength = 2 + (2 * MaxRegistersPerRequest);

    public static void WriteReadRequest(Span<byte> destination, ushort transactionId, byte unitId, ModbusFunction function, ushort address, ushort count)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], 6);
        destination[6] = unitId;
        destination[7] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], count);
    }

    /// <summary>Checks the MBAP header of an answer and returns the length of the PDU that follows it.</summary>
    public static int CheckHeader(ReadOnlySpan<byte> header, ushort transactionId, byte unitId)
    {
        var tid = BinaryPrimitives.ReadUInt16BigEndian(header);
        var pid = BinaryPrimitives.ReadUInt16BigEndian(header[2..]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
        if (tid != transactionId)
        {
            throw Protocol($"transaction id {tid} in the answer, {transactionId} was sent");
        }

        if (pid != 0)
        {
            throw Protocol($"protocol id {pid} in the answer, Modbus is 0");
        }

        // The length counts the unit id and the PDU: at least unit + function + one byte, at most a full read answer.
        if (length < 3 || length > 1 + MaxResponsePduLength)
        {
            throw Protocol($"length field {length}, allowed 3 to {1 + MaxResponsePduLength}");
        }

        if (header[6] != unitId)
        {
            throw Protocol($"unit id {header[6]} in the answer, {unitId} was asked");
        }

        return length - 1;
    }

    /// <summary>Checks the PDU of an answer to a read of <paramref name="count"/> registers and copies them out.</summary>
    public static void ReadRegisters(ReadOnlySpan<byte> pdu, ModbusFunction function, int count, Span<ushort> destination)
    {
        var code = (byte)function;
        if (pdu[0] == (code | 0x80))
        {
            if (pdu.Length != 2)
            {
                throw Protocol($"exception response of {pdu.Length} bytes, 2 expected");
            }

            throw new ModbusExceptionResponse(code, pdu[1]);
        }

        if (pdu[0] != code)
        {
            throw Protocol($"function code {pdu[0]} in the answer, {code} was sent");
        }

        if (pdu.Length < 2 || pdu[1] != 2 * count)
        {
            throw Protocol($"byte count {(pdu.Length < 2 ? "missing" : pdu[1].ToString(CultureInfo.InvariantCulture))}, {2 * count} expected for {count} registers");
        }

        if (pdu.Length != 2 + (2 * count))
        {
            throw Protocol($"answer of {pdu.Length} PDU bytes for byte count {pdu[1]}");
        }

        for (var i = 0; i < count; i++)
        {
            destination[i] = BinaryPrimitives.ReadUInt16BigEndian(pdu[(2 + (2 * i))..]);
        }
    }

    private static ModbusProtocolException Protocol(string detail) => new("invalid answer: " + detail);
}
