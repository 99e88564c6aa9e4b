using System.Buffers.Binary;
using System.Net.Sockets;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>
/// While misbehaving, answers with a well-formed frame whose transaction id is one more than the request's and
/// whose registers all hold <see cref="BadValue"/>: a value that must never show up in a reading.
/// </summary>
internal sealed class WrongTransactionIdServer : FakeModbusServer
{
    public const ushort BadValue = 0x4242;

    protected override async Task MisbehaveAsync(NetworkStream stream, byte[] request, CancellationToken cancellationToken)
    {
        var answer = Answer(request);
        BinaryPrimitives.WriteUInt16BigEndian(answer, (ushort)(BinaryPrimitives.ReadUInt16BigEndian(request) + 1));
        for (var i = 9; i < answer.Length; i += 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(i), BadValue);
        }

        await stream.WriteAsync(answer, cancellationToken);
    }
}
