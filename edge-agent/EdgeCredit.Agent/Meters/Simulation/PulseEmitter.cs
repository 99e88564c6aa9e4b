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

    /// <summary>Emits the edges of one transition at their offsets; returns the time of the last edge.</summary>
    private DateTimeOffset Emit(IReadOnlyList<(TimeSpan Offset, PinValue Level)> edges)
    {
        var first = Stopwatch.GetTimestamp();
        foreach (var (offset, level) in edges)
        {
            while (Stopwatch.GetElapsedTime(first) < offset)
            {
                Thread.SpinWait(20);
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
