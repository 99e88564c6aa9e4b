using System.Threading.Channels;

namespace EdgeCredit.Agent.Outbox;

/// <summary>
/// A coalescing wake-up: any number of <see cref="Notify"/> calls before a wait wake it once. Bounded to one
/// pending notification (full policy: drop the new one, which carries no information the pending one lacks).
/// Waiters are resumed asynchronously, so notifying from an event handler never runs the waiter inline.
/// </summary>
internal sealed class AsyncSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, AllowSynchronousContinuations = false });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) => await _channel.Reader.ReadAsync(cancellationToken);
}
