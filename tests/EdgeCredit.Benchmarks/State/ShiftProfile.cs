using EdgeCredit.Agent.Meters;

namespace EdgeCredit.Benchmarks.State;

/// <summary>
/// A simulated machine day with known states, written for this evaluation (not the training script's generator):
/// off until the shift starts (zero or a standby floor), then idle/running cycles with ramps, start-up spikes,
/// load fluctuation while cutting, idle plateaus with a cycling auxiliary load and short off breaks, off again after
/// the shift. Sampled every <see cref="Interval"/>.
/// </summary>
internal sealed class ShiftProfile
{
    public required string Name { get; init; }

    public required TimeSpan Interval { get; init; }

    public required double RatedKw { get; init; }

    public required double IdleKw { get; init; }

    public required double[] Kilowatts { get; init; }

    public required MachineState[] States { get; init; }

    public static ShiftProfile Generate(int seed, TimeSpan interval, double hours = 24)
    {
        var random = new Random(seed);
        var dt = interval.TotalSeconds;
        var n = (int)(hours * 3600 / dt);
        var rated = Math.Exp(Math.Log(0.5) + (random.NextDouble() * Math.Log(2000)));
        var idle = rated * (0.05 + (0.35 * random.NextDouble()));
        var standby = random.NextDouble() < 0.5 ? rated * 0.015 * random.NextDouble() : 0;
        var noise = 0.01 + (0.04 * random.NextDouble());
        var shiftStart = (int)((1 + (2 * random.NextDouble())) * 3600 / dt);
        var shiftEnd = n - (int)((1 + (3 * random.NextDouble())) * 3600 / dt);
        var kw = new double[n];
        var states = new MachineState[n];
        var t = 0;
        var state = MachineState.Off;
        while (t < n)
        {
            var seconds = state switch
            {
                MachineState.Off => t < shiftStart ? (shiftStart - t) * dt : (t >= shiftEnd ? (n - t) * dt : 300 + (900 * random.NextDouble())),
                MachineState.Idle => 60 + (900 * random.NextDouble()),
                _ => 120 + (1800 * random.NextDouble()),
            };
            var end = Math.Min(n, t + Math.Max(1, (int)(seconds / dt)));
            if (t < shiftEnd && end > shiftEnd && state != MachineState.Off)
            {
                end = shiftEnd;
            }

            Fill(random, state, t, end, kw, rated, idle, standby, noise);
            states.AsSpan(t, end - t).Fill(state);
            t = end;
            state = t >= shiftEnd ? MachineState.Off : state switch
            {
                MachineState.Off => MachineState.Idle,
                MachineState.Idle => random.NextDouble() < 0.9 ? MachineState.Running : MachineState.Off,
                _ => MachineState.Idle,
            };
        }

        return new ShiftProfile { Name = $"sim-{seed}", Interval = interval, RatedKw = rated, IdleKw = idle, Kilowatts = kw, States = states };
    }

    private static void Fill(Random random, MachineState state, int start, int end, double[] kw, double rated, double idle, double standby, double noise)
    {
        var level = rated * (0.6 + (0.4 * random.NextDouble()));
        var swing = random.NextDouble() < 0.6 ? 0.3 * random.NextDouble() : 0;
        var period = 2 + (30 * random.NextDouble());
        var spike = random.NextDouble() < 0.5;
        for (var i = start; i < end; i++)
        {
            var jitter = 1 + (noise * Gaussian(random));
            kw[i] = state switch
            {
                MachineState.Off => standby * jitter,
                MachineState.Idle => idle * jitter * (random.NextDouble() < 0.15 ? 1.3 : 1),
                _ => level * jitter * (1 + (swing * Math.Sin(i / period))),
            };
            if (state == MachineState.Running && i - start < 3)
            {
                // Start-up: a spike, or a ramp up from idle.
                kw[i] = spike && i == start ? level * (1.5 + (2 * random.NextDouble())) : Math.Max(idle * 1.2, kw[i] * (i - start + 1) / 4);
            }

            kw[i] = Math.Max(0, kw[i]);
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
