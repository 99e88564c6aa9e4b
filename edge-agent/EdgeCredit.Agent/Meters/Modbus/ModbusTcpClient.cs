using System.Net.Sockets;

namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// A Modbus TCP master for one slave connection: reads holding or input registers, one request outstanding at a time
/// (callers must not overlap calls). Connects lazily; connecting and each request have their own timeout.
/// <para>
/// After any failure other than a Modbus exception response the socket is closed and the next request opens a new
/// one: a late answer to a request that timed out then arrives on a dead socket and can never be taken for the answer
/// to a later request. An exception response is a complete answer that matched the request (transaction id, unit,
/// function), so the stream is still in step and the connection is kept.
/// </para>
/// </summary>
internal sealed class ModbusTcpClient : IDisposable
{
    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly byte[] _request = new byte[ModbusFrame.RequestLength];
    private readonly byte[] _response = new byte[ModbusFrame.HeaderLength + ModbusFrame.MaxResponsePduLength];
    private Socket? _socket;
    private ushort _transactionId = (ushort)Random.Shared.Next(0x10000);
    private long _connects;
    private bool _disposed;

    public ModbusTcpClient(string host, int port, TimeSpan timeout, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _host = host;
        _port = port;
        _timeout = timeout;
        _time = timeProvider;
    }

    /// <summary>The <c>host:port</c> this client talks to.</summary>
    public string Endpoint => $"{_host}:{_port}";

    public bool IsConnected => _socket is not null;

    /// <summary>Connections opened so far (the first one included).</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>
    /// Reads <paramref name="count"/> registers starting at <paramref name="address"/> from unit
    /// <paramref name="unitId"/> into <paramref name="destination"/>.
    /// </summary>
    /// <exception cref="ModbusTimeoutException">Connecting or the answer took longer than the timeout.</exception>
    /// <exception cref="ModbusConnectionException">The connection could not be opened or broke.</exception>
    /// <exception cref="ModbusProtocolException">The answer did not match the request.</exception>
    /// <exception cref="ModbusExceptionResponse">The slave answered with an exception code.</exception>
    public async ValueTask ReadRegistersAsync(byte unitId, ModbusFunction function, ushort address, ushort count, Memory<ushort> destination, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, (ushort)ModbusFrame.MaxRegistersPerRequest);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, count);
        if (function is not (ModbusFunction.Holding or ModbusFunction.Input))
        {
            throw new ArgumentOutOfRangeException(nameof(function), function, "only holding (3) and input (4) registers can be read");
        }

        var socket = _socket ?? await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var transactionId = unchecked(++_transactionId);
        ModbusFrame.WriteReadRequest(_request, transactionId, unitId, function, address, count);
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await SendAsync(socket, linked.Token).ConfigureAwait(false);
            await ReceiveExactlyAsync(socket, _response.AsMemory(0, ModbusFrame.HeaderLength), linked.Token).ConfigureAwait(false);
            var pduLength = ModbusFrame.CheckHeader(_response.AsSpan(0, ModbusFrame.HeaderLength), transactionId, unitId);
            await ReceiveExactlyAsync(socket, _response.AsMemory(ModbusFrame.HeaderLength, pduLength), linked.Token).ConfigureAwait(false);
            ModbusFrame.ReadRegisters(_response.AsSpan(ModbusFrame.HeaderLength, pduLength), function, count, destination.Span);
        }
        catch (ModbusExceptionResponse)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Drop();
            throw new ModbusTimeoutException($"no answer from {Endpoint} unit {unitId} within {_timeout.TotalMilliseconds:0} ms (function {(byte)function}, address {address}, {count} registers)");
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Drop();
            throw new ModbusConnectionException($"connection to {Endpoint} broke: {e.Message}", e);
        }
        catch
        {
            // Protocol errors, cancellation by the caller: the stream position is unknown, never reuse it.
            Drop();
            throw;
        }
    }

    /// <summary>Closes the connection (the next request reconnects).</summary>
    public void Drop()
    {
        var socket = _socket;
        _socket = null;
        socket?.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        Drop();
    }

    private async ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await socket.ConnectAsync(_host, _port, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ModbusTimeoutException($"connecting to {Endpoint} took longer than {_timeout.TotalMilliseconds:0} ms");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new ModbusConnectionException($"cannot connect to {Endpoint}: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Interlocked.Increment(ref _connects);
        _socket = socket;
        return socket;
    }

    private async ValueTask SendAsync(Socket socket, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (sent < _request.Length)
        {
            sent += await socket.SendAsync(_request.AsMemory(sent), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var received = 0;
        while (received < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer[received..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new ModbusConnectionException($"{Endpoint} closed the connection {(received == 0 ? "before answering" : "in the middle of an answer")}");
            }

            received += n;
        }
    }
}
