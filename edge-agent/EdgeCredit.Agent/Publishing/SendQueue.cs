using EdgeCredit.Agent.Outbox;

namespace EdgeCredit.Agent.Publishing;

/// <summary>
/// What to send next during one connection. Batches stored after the connection came up are <em>live</em>; the
/// rest are the <em>backlog</em>. Batches sent before that wait for a receipt are skipped until their receipt is
/// overdue; then they count as backlog again. Each side keeps a cursor past what it handed out, so the outbox is
/// scanned once per connection, not once per batch. Not thread-safe: one per session, used by the publisher loop.
/// </summary>
internal sealed class SendQueue
{
    private const int Page = 256;

    private readonly OutboxStore _outbox;
    private readonly AwaitingReceipts _awaiting;
    private long _liveCursor;
    private long _backlogCursor;

    public SendQueue(OutboxStore outbox, AwaitingReceipts awaiting)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(awaiting);
        _outbox = outbox;
        _awaiting = awaiting;
        BacklogCeiling = outbox.NewestSequence ?? 0;
        _liveCursor = BacklogCeiling;
    }

    /// <summary>The newest batch that was stored before the connection came up.</summary>
    public long BacklogCeiling { get; }

    /// <summary>The oldest live batch not yet sent in this connection, or null.</summary>
    public long? NextLive() => NextUnsent(ref _liveCursor, long.MaxValue);

    /// <summary>The oldest of: the next unsent backlog batch and the oldest batch whose receipt is overdue; or null.</summary>
    public Candidate? NextBacklog()
    {
        var unsent = NextUnsent(ref _backlogCursor, BacklogCeiling);
        var due = _awaiting.OldestDue();
        return (unsent, due) switch
        {
            ({ } u, { } d) => d < u ? new Candidate(d, Resend: true) : new Candidate(u, Resend: false),
            ({ } u, null) => new Candidate(u, Resend: false),
            (null, { } d) => new Candidate(d, Resend: true),
            _ => null,
        };
    }

    /// <summary>Moves the cursor past a batch that was handed out and published (or quarantined).</summary>
    public void Done(long sequence)
    {
        if (sequence > BacklogCeiling)
        {
            _liveCursor = Math.Max(_liveCursor, sequence);
        }
        else
        {
            _backlogCursor = Math.Max(_backlogCursor, sequence);
        }
    }

    private long? NextUnsent(ref long cursor, long atMost)
    {
        while (true)
        {
            var page = _outbox.PeekSequences(Page, after: cursor, atMost: atMost);
            foreach (var sequence in page)
            {
                if (!_awaiting.IsTracked(sequence))
                {
                    return sequence;
                }

                // Sent before and waiting for its receipt: it comes back through OldestDue when that is overdue.
                cursor = sequence;
            }

            if (page.Count < Page)
            {
                return null;
            }
        }
    }

    /// <summary>A batch to send; <paramref name="Resend"/> when it was acknowledged before but its receipt is overdue.</summary>
    internal readonly record struct Candidate(long Sequence, bool Resend);
}
