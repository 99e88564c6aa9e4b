using System.Net.Sockets;
using System.Text;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>While misbehaving, answers every request with text (as if something else listened on the port).</summary>
internal sealed class GarbageModbusServer : FakeModbusServer
{
    private static readonly byte[] Garbage = Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");

    protected override async Task MisbehaveAsync(NetworkStream stream, byte[] request, CancellationToken cancellationToken) =>
        await stream.WriteAsync(Garbage, cancellationToken);
}
