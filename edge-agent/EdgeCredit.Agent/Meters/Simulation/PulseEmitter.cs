using System.Device.Gpio;
using System.Diagnostics;

namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>
/// Plays a <see cref="PulseTrain"/> onto an input in real time, on the thread that calls <see cref="Run"/>. Times are
/// "at least": when the thread is late (a busy machine), a level is held longer, never shorter: the falling edge comes
/// no earlier than <see cref="PulseTrain.StableWidth"/> after the last rising edge and the next pulse no earlier than
/// that after the last falling edge, so lateness slows the train a little but never merges or splits pulses.
/// Waits longer than a millisecond sleep; bounce offsets (fractions of a millisecond) are spun.
/// </summary>
internal sealed class PulseEmitter(PulseTrain train, TimeProvider time, Action<PinValue> setLevel, Action onPulse)
{
    /// <summary>Lateness past an intermediate bounce edge that ends the bounce at once (bounce edges are tenths of a ms apart).</summary>
    private static readonly TimeSpan BounceSlack = TimeSpan.FromMilliseconds(0.5);

    public void Run(CancellationToken cancellationToken)
    {
        Thread.CurrentThread.Name = "pulse-generator";
        var notBefore = time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            if (train.Schedule.Next() is not { } due)
            {
                cancellationToken.WaitHandle.WaitOne();
                return;
            }

            var start = due > notBefore ? due : notBefore;
            if (!WaitUntil(start, cancellationToken))
            {
                return;
            }

            // Count first (and write the ledger), then raise the edges: the ground truth is never behind the input.
            onPulse();
            var risen = Emit(train.Transition(PinValue.High));
            var fall = start + train.PulseWidth;
            var minFall = risen + train.StableWidth;
            WaitUntil(fall > minFall ? fall : minFall, CancellationToken.None);
            var fallen = Emit(train.Transition(PinValue.Low));
            notBefore = fallen + train.StableWidth;
        }
    }

    /// <summary>
    /// Emits the edges of one transition at their offsets; returns the time of the last edge. When the thread was held up
    /// (preempted on a busy machine) past an intermediate edge's time by more than <see cref="BounceSlack"/>, the rest of
    /// the bounce is skipped and the transition ends on its final level: a bounce level held by a stalled generator
    /// would otherwise last long enough to pass debouncing, splitting one pulse into two, which no real contact does.
    /// </summary>
    private DateTimeOffset Emit(IReadOnlyList<(TimeSpan Offset, PinValue Level)> edges)
    {
        var first = Stopwatch.GetTimestamp();
        for (var i = 0; i < edges.Count; i++)
        {
            var (offset, level) = edges[i];
            while (Stopwatch.GetElapsedTime(first) < offset)
            {
                Thread.SpinWait(20);
            }

            if (i < edges.Count - 1 && Stopwatch.GetElapsedTime(first) > offset + BounceSlack)
            {
                setLevel(edges[^1].Level);
                break;
            }

            setLevel(level);
        }

        return time.GetUtcNow();
    }

    private bool WaitUntil(DateTimeOffset at, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = at - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return true;
            }

            if (cancellationToken.WaitHandle.WaitOne((int)Math.Ceiling(remaining.TotalMilliseconds)))
            {
                return false;
            }
        }
    }
}
