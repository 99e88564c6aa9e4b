using System.Device.Gpio;
using EdgeCredit.Agent.Meters.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Meters.Pulse;

/// <summary>Plays a <see cref="PulseTrain"/> onto a <see cref="SimulatedGpioDriver"/> input at fake times, edge by edge.</summary>
internal static class PulsePlayer
{
    /// <summary>Plays <paramref name="count"/> pulses (bounce included); returns how many were played (the ground truth).</summary>
    public static int Play(PulseTrain train, SimulatedGpioDriver driver, int pin, FakeTimeProvider time, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var start = train.Schedule.Next()!.Value;
            Transition(train, driver, pin, time, start, PinValue.High);
            Transition(train, driver, pin, time, start + train.PulseWidth, PinValue.Low);
        }

        return count;
    }

    public static void AdvanceTo(FakeTimeProvider time, DateTimeOffset at)
    {
        var step = at - time.GetUtcNow();
        if (step > TimeSpan.Zero)
        {
            time.Advance(step);
        }
    }

    private static void Transition(PulseTrain train, SimulatedGpioDriver driver, int pin, FakeTimeProvider time, DateTimeOffset at, PinValue level)
    {
        foreach (var (offset, value) in train.Transition(level))
        {
            AdvanceTo(time, at + offset);
            driver.SetInput(pin, value);
        }
    }
}
