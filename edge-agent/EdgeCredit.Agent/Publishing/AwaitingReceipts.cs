using EdgeCredit.Agent.Hosting;

namespace EdgeCredit.Agent.Publishing;

/// <summary>
/// Batches that were published and wait for the collector's receipt, in memory only: after a restart everything in
/// the outbox is simply unconfirmed and is sent again (the collector lists identical copies as stored). Attempt n of
/// a batch waits <c>firstTimeout·2ⁿ⁻¹</c> (at most <see cref="MaxTimeout"/>) for its receipt; after that it is due
/// to be sent again. Thread-safe: the publisher loop sends, the MQTT client's receive path confirms.
/// </summary>
internal sealed class AwaitingReceipts
{
    /// <summary>The longest a batch waits for a receipt, however many attempts it had.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<long, Attempt> _batches = [];
    private readonly SortedSet<(DateTimeOffset Deadline, long Sequence)> _deadlines = [];
    private readonly SortedSet<long> _due = [];
    private readonly TimeSpan _firstTimeout;
    private readonly TimeProvider _time;
    private readonly AgentCounters _counters;
    private long? _inFlight;

    public AwaitingReceipts(TimeSpan firstTimeout, TimeProvider time, AgentCounters counters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstTimeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(counters);
        _firstTimeout = firstTimeout;
        _time = time;
        _counters = counters;
    }

    /// <summary>Batches the broker acknowledged that wait for a receipt (the one in flight is not counted).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return CountLocked();
            }
        }
    }

    /// <summary>How long attempt <paramref name="attempt"/> (1 = first copy) waits for its receipt.</summary>
    public TimeSpan TimeoutOf(int attempt)
    {
        var seconds = _firstTimeout.TotalSeconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        return seconds >= MaxTimeout.TotalSeconds ? MaxTimeout : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Whether the batch was sent before and waits for a receipt (or is in flight, or is due again).</summary>
    public bool IsTracked(long sequence)
    {
        lock (_gate)
        {
            return _batches.ContainsKey(sequence);
        }
    }

    /// <summary>A publish of the batch starts; returns its attempt number (1 for the first copy).</summary>
    public int BeginAttempt(long sequence)
    {
        lock (_gate)
        {
            if (!_batches.TryGetValue(sequence, out var attempt))
            {
                attempt = new Attempt();
                _batches.Add(sequence, attempt);
            }

            RemoveDeadline(sequence, attempt);
            attempt.Count++;
            _inFlight = sequence;
            Publish();
            return attempt.Count;
        }
    }

    /// <summary>The broker acknowledged the publish: the batch now waits for its receipt until its timeout.</summary>
    public void Acknowledged(long sequence)
    {
        lock (_gate)
        {
            EndFlight(sequence);
            if (_batches.TryGetValue(sequence, out var attempt))
            {
                RemoveDeadline(sequence, attempt);
                attempt.Deadline = _time.GetUtcNow() + TimeoutOf(attempt.Count);
                _deadlines.Add((attempt.Deadline.Value, sequence));
            }

            Publish();
        }
    }

    /// <summary>The publish failed (no PUBACK): a first copy becomes unsent again; a resend is due again at once.</summary>
    public void NotAcknowledged(long sequence)
    {
        lock (_gate)
        {
            EndFlight(sequence);
            if (_batches.TryGetValue(sequence, out var attempt))
            {
                RemoveDeadline(sequence, attempt);
                if (--attempt.Count <= 0)
                {
                    _batches.Remove(sequence);
                }
                else
                {
                    attempt.Deadline = _time.GetUtcNow();
                    _deadlines.Add((attempt.Deadline.Value, sequence));
                }
            }

            Publish();
        }
    }

    /// <summary>The batch left the outbox (confirmed, refused, dropped or quarantined): stop waiting for it.</summary>
    public void Forget(long sequence)
    {
        lock (_gate)
        {
            if (_batches.Remove(sequence, out var attempt))
            {
                RemoveDeadline(sequence, attempt);
            }

            Publish();
        }
    }

    /// <summary>Forgets every batch below <paramref name="sequence"/> (the outbox's size cap dropped them).</summary>
    public void ForgetBelow(long sequence)
    {
        lock (_gate)
        {
            foreach (var gone in _batches.Keys.Where(s => s < sequence).ToList())
            {
                RemoveDeadline(gone, _batches[gone]);
                _batches.Remove(gone);
            }

            Publish();
        }
    }

    /// <summary>The oldest batch whose receipt is overdue, or null.</summary>
    public long? OldestDue()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_deadlines.Count > 0 && _deadlines.Min.Deadline <= now)
            {
                var overdue = _deadlines.Min;
                _deadlines.Remove(overdue);
                _due.Add(overdue.Sequence);
            }

            return _due.Count > 0 ? _due.Min : null;
        }
    }

    /// <summary>Time until the next receipt becomes overdue (zero when one is); <see cref="Timeout.InfiniteTimeSpan"/> when none waits.</summary>
    public TimeSpan UntilNextDue()
    {
        lock (_gate)
        {
            if (_due.Count > 0)
            {
                return TimeSpan.Zero;
            }

            if (_deadlines.Count == 0)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var until = _deadlines.Min.Deadline - _time.GetUtcNow();
            return until > TimeSpan.Zero ? until : TimeSpan.Zero;
        }
    }

    private void EndFlight(long sequence)
    {
        if (_inFlight == sequence)
        {
            _inFlight = null;
        }
    }

    private void RemoveDeadline(long sequence, Attempt attempt)
    {
        if (attempt.Deadline is { } deadline)
        {
            _deadlines.Remove((deadline, sequence));
            _due.Remove(sequence);
            attempt.Deadline = null;
        }
    }

    private int CountLocked() => _batches.Count - (_inFlight is { } s && _batches.ContainsKey(s) ? 1 : 0);

    private void Publish() => _counters.AwaitingReceipt = CountLocked();

    private sealed class Attempt
    {
        public int Count { get; set; }

        /// <summary>When the receipt is overdue; null while the publish is in flight.</summary>
        public DateTimeOffset? Deadline { get; set; }
    }
}
