using System.Buffers.Binary;
using System.Net.Sockets;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>
/// While misbehaving, answers correctly framed (same transaction id) but only after <see cref="Delay"/>, with every
/// register set to <see cref="LateValue"/>: the late answer that must never be taken for a later request's answer.
/// </summary>
internal sealed class SlowModbusServer : FakeModbusServer
{
    public const ushort LateValue = 0x1A7E;

    private readonly TaskCompletionSource _lateAnswerWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Completes once the late answer was written (or its connection was found closed).</summary>
    public Task LateAnswerWritten => _lateAnswerWritten.Task;

    protected override async Task MisbehaveAsync(NetworkStream stream, byte[] request, CancellationToken cancellationToken)
    {
        Misbehave = false;
        var answer = Answer(request);
        for (var i = 9; i < answer.Length; i += 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(answer.AsSpan(i), LateValue);
        }

        await Task.Delay(Delay, cancellationToken);
        try
        {
            await stream.WriteAsync(answer, cancellationToken);
        }
        finally
        {
            _lateAnswerWritten.TrySetResult();
        }
    }
}
