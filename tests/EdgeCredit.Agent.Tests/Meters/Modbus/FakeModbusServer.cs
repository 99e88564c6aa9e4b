using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>
/// A minimal Modbus TCP slave on a free loopback port for failure modes the real server cannot produce. It answers
/// reads of holding and input registers correctly from <see cref="Registers"/> (the same table for both) while
/// <see cref="Misbehave"/> is false; while it is true a subclass writes its bad answer instead.
/// </summary>
internal abstract class FakeModbusServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _requests;

    protected FakeModbusServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ushort[] Registers { get; } = new ushort[256];

    public volatile bool Misbehave;

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>The correct answer to a read request.</summary>
    protected byte[] Answer(ReadOnlySpan<byte> request)
    {
        var address = BinaryPrimitives.ReadUInt16BigEndian(request[8..]);
        var count = BinaryPrimitives.ReadUInt16BigEndian(request[10..]);
        var answer = new byte[9 + (2 * count)];
        request[..4].CopyTo(answer);
        BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(4), (ushort)(3 + (2 * count)));
        answer[6] = request[6];
        answer[7] = request[7];
        answer[8] = (byte)(2 * count);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(9 + (2 * i)), Registers[address + i]);
        }

        return answer;
    }

    /// <summary>Writes the bad answer to <paramref name="request"/> (or nothing).</summary>
    protected abstract Task MisbehaveAsync(NetworkStream stream, byte[] request, CancellationToken cancellationToken);

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(ServeAsync(client, _stop.Token));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = new byte[12];
            try
            {
                while (true)
                {
                    await stream.ReadExactlyAsync(request, cancellationToken);
                    Interlocked.Increment(ref _requests);
                    if (Misbehave)
                    {
                        await MisbehaveAsync(stream, request, cancellationToken);
                    }
                    else
                    {
                        await stream.WriteAsync(Answer(request), cancellationToken);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or EndOfStreamException or ObjectDisposedException)
            {
                // The client closed the connection, or the server stops.
            }
        }
    }
}
