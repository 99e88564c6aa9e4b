using EdgeCredit.Agent.Meters;

namespace EdgeCredit.Agent.Tests.Meters.State;

/// <summary>
/// Generated power profiles with known states, independent of the training script's generator: off (zero or a
/// standby floor), idle plateaus with small noise and a cycling pump, running with load fluctuation, ramps and
/// start-up spikes. Deterministic per seed.
/// </summary>
internal sealed class StateProfile
{
    private StateProfile(double ratedKw, double idleKw, double standbyKw, double[] kilowatts, MachineState[] states)
    {
        RatedKw = ratedKw;
        IdleKw = idleKw;
        StandbyKw = standbyKw;
        Kilowatts = kilowatts;
        States = states;
    }

    public double RatedKw { get; }

    public double IdleKw { get; }

    public double StandbyKw { get; }

    public double[] Kilowatts { get; }

    public MachineState[] States { get; }

    /// <summary>Median power of the running samples: the running level a calibration finds.</summary>
    public double RunningKw => Kilowatts.Where((_, i) => States[i] == MachineState.Running).Order().ElementAt(States.Count(s => s == MachineState.Running) / 2);

    public static StateProfile Generate(int seed, double ratedKw, double idleFraction, int samples, double noise = 0.03)
    {
        var random = new Random(seed);
        var idle = ratedKw * idleFraction;
        var standby = random.NextDouble() < 0.5 ? ratedKw * 0.01 * random.NextDouble() : 0;
        var kw = new double[samples];
        var states = new MachineState[samples];
        var state = MachineState.Off;
        for (var t = 0; t < samples;)
        {
            var end = Math.Min(samples, t + random.Next(20, 300));
            var level = ratedKw * (0.65 + (0.35 * random.NextDouble()));
            var period = 3 + (15 * random.NextDouble());
            for (var i = t; i < end; i++)
            {
                var jitter = 1 + (noise * Gaussian(random));
                kw[i] = state switch
                {
                    MachineState.Off => standby * jitter,
                    MachineState.Idle => idle * jitter * (random.NextDouble() < 0.1 ? 1.2 : 1),
                    _ => level * jitter * (1 + (0.2 * Math.Sin(i / period))),
                };
                if (state == MachineState.Running && i - t < 3)
                {
                    kw[i] = i == t && random.NextDouble() < 0.5 ? level * 2.5 : kw[i] * (i - t + 1) / 4;
                    kw[i] = Math.Max(kw[i], idle * 1.1);
                }

                kw[i] = Math.Max(0, kw[i]);
                states[i] = state;
            }

            t = end;
            state = state switch
            {
                MachineState.Off => MachineState.Idle,
                MachineState.Idle => random.NextDouble() < 0.8 ? MachineState.Running : MachineState.Off,
                _ => MachineState.Idle,
            };
        }

        return new StateProfile(ratedKw, idle, standby, kw, states);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
