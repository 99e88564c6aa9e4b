namespace EdgeCredit.Scenes;

/// <summary>Running or idle for each whole second of a clip; switches happen on whole seconds, so per-second truth is exact.</summary>
internal sealed class Schedule
{
    private readonly bool[] running;
    private readonly double[] cumulative;

    public Schedule(bool[] running)
    {
        ArgumentNullException.ThrowIfNull(running);
        this.running = running;
        cumulative = new double[running.Length + 1];
        for (var s = 0; s < running.Length; s++)
        {
            cumulative[s + 1] = cumulative[s] + (running[s] ? 1 : 0);
        }
    }

    public IReadOnlyList<bool> PerSecond => running;

    public double TotalRunSeconds => cumulative[^1];

    public static Schedule Idle(int seconds) => new(new bool[seconds]);

    /// <summary>Alternating runs and stops of a random whole number of seconds in [minSegment, maxSegment].</summary>
    public static Schedule Alternating(Random random, int seconds, int minSegment, int maxSegment)
    {
        ArgumentNullException.ThrowIfNull(random);
        var states = new bool[seconds];
        var state = random.Next(2) == 0;
        var s = 0;
        var first = true;
        while (s < seconds)
        {
            // The first segment is shorter on average, so a clip does not always open with a long stretch.
            var length = first ? random.Next(Math.Max(1, minSegment / 2), maxSegment + 1) : random.Next(minSegment, maxSegment + 1);
            for (var i = s; i < Math.Min(seconds, s + length); i++)
            {
                states[i] = state;
            }

            s += length;
            state = !state;
            first = false;
        }

        return new Schedule(states);
    }

    public bool IsRunning(double t)
    {
        var s = (int)Math.Floor(t);
        return s >= 0 && s < running.Length && running[s];
    }

    /// <summary>Seconds spent running between 0 and <paramref name="t"/>: moving parts advance by this, so they stop where they stood.</summary>
    public double RunTime(double t)
    {
        if (t <= 0)
        {
            return 0;
        }

        var s = (int)Math.Floor(t);
        if (s >= running.Length)
        {
            return cumulative[^1];
        }

        return cumulative[s] + (running[s] ? t - s : 0);
    }

    /// <summary>The first time at which <see cref="RunTime"/> reaches <paramref name="runTime"/>, or null if it never does.</summary>
    public double? TimeAtRunTime(double runTime)
    {
        if (runTime <= 0)
        {
            return 0;
        }

        for (var s = 0; s < running.Length; s++)
        {
            if (running[s] && cumulative[s + 1] >= runTime)
            {
                return s + (runTime - cumulative[s]);
            }
        }

        return null;
    }

    /// <summary>The running stretches as [start, end) in whole seconds.</summary>
    public IReadOnlyList<(int Start, int End)> Runs()
    {
        var runs = new List<(int, int)>();
        var s = 0;
        while (s < running.Length)
        {
            if (!running[s])
            {
                s++;
                continue;
            }

            var start = s;
            while (s < running.Length && running[s])
            {
                s++;
            }

            runs.Add((start, s));
        }

        return runs;
    }
}
