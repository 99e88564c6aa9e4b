namespace EdgeCredit.Scenes;

/// <summary>Draws the random plan of a scene (layout, schedules, people, items, lighting, tamper) from its seed.</summary>
internal static class ScriptBuilder
{
    private const double ConveyorTop = 0.80;
    private const double ConveyorBottom = 0.90;

    public static SceneScript Build(SceneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(spec));
        }

        var regions = Machines(spec, new Random(Hashing.SubSeed(spec.Seed, 1)));
        List<ScriptedItem> items = [];
        if (spec.Conveyor)
        {
            var random = new Random(Hashing.SubSeed(spec.Seed, 2));
            var conveyor = new ScriptedRegion(
                "conveyor-1",
                "Conveyor",
                null,
                new NormalizedRect(0.0, ConveyorTop, 1.0, ConveyorBottom),
                0.06 + (0.04 * random.NextDouble()),
                spec.AllIdle ? Schedule.Idle(spec.Seconds) : Segments(spec, random));
            regions.Add(conveyor);
            items = Items(conveyor, random);
        }

        var people = People(spec, new Random(Hashing.SubSeed(spec.Seed, 3)));
        var lighting = Lighting(spec, new Random(Hashing.SubSeed(spec.Seed, 4)));
        var tamper = spec.Tamper is { } kind ? Tamper(spec, kind, new Random(Hashing.SubSeed(spec.Seed, 5))) : null;
        return new SceneScript(spec, regions, people, items, lighting, tamper);
    }

    private static Schedule Segments(SceneSpec spec, Random random)
    {
        var min = Math.Max(6, spec.Seconds / 20);
        var max = Math.Max(min + 4, spec.Seconds / 4);
        return Schedule.Alternating(random, spec.Seconds, min, max);
    }

    private static List<ScriptedRegion> Machines(SceneSpec spec, Random random)
    {
        MachineKind[] kinds = [MachineKind.Press, MachineKind.Lathe, MachineKind.Flywheel, random.Next(2) == 0 ? MachineKind.Press : MachineKind.Lathe];
        var chosen = kinds.Take(spec.Machines).ToArray();
        random.Shuffle(chosen);
        var counts = new Dictionary<MachineKind, int>();
        var slot = 0.94 / spec.Machines;
        var regions = new List<ScriptedRegion>();
        for (var i = 0; i < chosen.Length; i++)
        {
            var kind = chosen[i];
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            var width = slot * (0.72 + (0.12 * random.NextDouble()));
            var x0 = 0.03 + (i * slot) + ((slot - width) * random.NextDouble());
            var top = 0.14 + (0.08 * random.NextDouble());
            var bottom = 0.70 + (0.04 * random.NextDouble());
            var rate = kind switch
            {
                MachineKind.Press => 0.35 + (0.25 * random.NextDouble()),
                MachineKind.Lathe => 0.23 + (0.17 * random.NextDouble()),
                _ => 0.15 + (0.15 * random.NextDouble()),
            };
            var schedule = spec.AllIdle ? Schedule.Idle(spec.Seconds) : Segments(spec, random);
            var name = $"{kind.ToString().ToLowerInvariant()}-{counts[kind]}";
            regions.Add(new ScriptedRegion(name, "Machine", kind, new NormalizedRect(x0, top, x0 + width, bottom), rate, schedule));
        }

        return regions;
    }

    private static List<ScriptedItem> Items(ScriptedRegion conveyor, Random random)
    {
        var items = new List<ScriptedItem>();
        var reach = conveyor.Travel(double.MaxValue) + 1.2;
        var offset = -0.9 + (0.2 * random.NextDouble());
        var id = 1;
        while (offset < reach)
        {
            var length = 0.035 + (0.03 * random.NextDouble());
            items.Add(new ScriptedItem(id++, offset, length, random.Next(3)));
            offset += length + 0.12 + (0.3 * random.NextDouble());
        }

        return items;
    }

    private static List<ScriptedPerson> People(SceneSpec spec, Random random)
    {
        var people = new List<ScriptedPerson>();
        if (spec.PeoplePerMinute <= 0)
        {
            return people;
        }

        var t = -Math.Log(1 - random.NextDouble()) * 60 / spec.PeoplePerMinute * 0.5;
        var id = 1;
        while (t < spec.Seconds)
        {
            var rightward = random.Next(2) == 0;
            var speed = 0.07 + (0.07 * random.NextDouble());
            var footY = 0.74 + (0.25 * random.NextDouble());
            var height = 0.38 + (0.35 * (footY - 0.74) / 0.25);
            var (from, to) = rightward ? (-0.12, 1.12) : (1.12, -0.12);
            var waypoints = new List<(double, double)> { (t, from) };
            if (random.NextDouble() < 0.35)
            {
                // Stops a while in front of the machines (a worker at a stopped press is not the press running).
                var stopX = 0.15 + (0.7 * random.NextDouble());
                var arrive = t + (Math.Abs(stopX - from) / speed);
                var leave = arrive + 3 + (9 * random.NextDouble());
                waypoints.Add((arrive, stopX));
                waypoints.Add((leave, stopX));
                waypoints.Add((leave + (Math.Abs(to - stopX) / speed), to));
            }
            else
            {
                waypoints.Add((t + (Math.Abs(to - from) / speed), to));
            }

            people.Add(new ScriptedPerson(id++, waypoints, footY, height, random.Next(4)));
            t += -Math.Log(1 - random.NextDouble()) * 60 / spec.PeoplePerMinute;
        }

        return people;
    }

    private static LightingPlan Lighting(SceneSpec spec, Random random)
    {
        var steps = new List<(double, double)>();
        if (spec.LightingStep)
        {
            var off = Math.Round(spec.Seconds * (0.15 + (0.3 * random.NextDouble())), 1);
            var level = 0.62 + (0.13 * random.NextDouble());
            steps.Add((off, level));
            var on = Math.Round(off + (spec.Seconds * (0.2 + (0.2 * random.NextDouble()))), 1);
            if (on < spec.Seconds)
            {
                steps.Add((on, 1.0));
            }
        }

        return new LightingPlan(
            Hashing.SubSeed(spec.Seed, 6),
            spec.DriftAmplitude,
            Math.Round(240 + (660 * random.NextDouble())),
            Math.Round(2 * Math.PI * random.NextDouble(), 3),
            steps,
            spec.FlickerAmplitude,
            Math.Round(0.3 + random.NextDouble(), 3));
    }

    private static TamperPlan Tamper(SceneSpec spec, TamperKind kind, Random random)
    {
        var start = (int)Math.Round(spec.Seconds * (0.35 + (0.2 * random.NextDouble())));
        var sign = random.Next(2) == 0 ? -1 : 1;
        return new TamperPlan(
            kind,
            start,
            Math.Min(4, start - 1),
            Math.Round(sign * (0.06 + (0.04 * random.NextDouble())), 3),
            Math.Round(-sign * (0.03 + (0.03 * random.NextDouble())), 3),
            Math.Round(sign * (3 + (4 * random.NextDouble())), 2));
    }
}
