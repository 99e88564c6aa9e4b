using System.Net.Sockets;

namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>
/// Pulses commanded by another process over a Unix domain socket (<c>Simulation:WireSocket</c>): the generator listens
/// on the socket path, and every byte a connected peer sends is one pulse, played at once (with the train's width and
/// bounce). It stands for the wire from a meter: while no agent listens, a peer cannot connect or its sends fail, so it
/// knows exactly which pulses reached a running agent. Integration tests use it to kill the agent mid-train and check
/// that every pulse that reached the agent is stored exactly once. One peer at a time; a peer that disconnects is
/// replaced by the next one to connect.
/// </summary>
internal sealed class WirePulseSchedule : IPulseSchedule, IDisposable
{
    private readonly Socket _listener;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancellationToken;
    private readonly byte[] _buffer = new byte[256];
    private Socket? _peer;
    private int _buffered;
    private int _next;

    public WirePulseSchedule(string socketPath, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        _time = time;
        _cancellationToken = cancellationToken;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(socketPath))!);
        File.Delete(socketPath); // a socket file left by a killed run
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen(1);
    }

    public DateTimeOffset? Next()
    {
        try
        {
            while (_next >= _buffered)
            {
                _peer ??= _listener.AcceptAsync(_cancellationToken).AsTask().GetAwaiter().GetResult();
                _buffered = _peer.ReceiveAsync(_buffer, SocketFlags.None, _cancellationToken).AsTask().GetAwaiter().GetResult();
                _next = 0;
                if (_buffered == 0)
                {
                    _peer.Dispose();
                    _peer = null;
                }
            }

            _next++;
            return _time.GetUtcNow();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _peer?.Dispose();
        _listener.Dispose();
    }
}
