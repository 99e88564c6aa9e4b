using System.Globalization;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.State;

namespace EdgeCredit.Benchmarks.State;

/// <summary>
/// Simulated machine days (<see cref="ShiftProfile"/>, not the training generator) through the agent's tracker from
/// scratch: commissioning (default 1 h), validation (default 10 min), then a state per sample. Scored in seconds on
/// every sample that got a state; samples before calibration get none and are counted apart.
/// </summary>
internal static class SimulatedEvaluation
{
    private static readonly double[] IntervalsSeconds = [1, 1, 1, 1, 1, 1, 2, 2, 5, 5, 10, 10, 15, 30, 60, 60];

    public static void Run(MachineStateModel model)
    {
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var options = new MachineStateOptions();
        var all = new Confusion();
        var oracle = new Confusion();
        var calibrated = 0;
        var unstated = 0.0;
        Console.WriteLine($"Simulated machine days ({IntervalsSeconds.Length} machines, 24 h each, rated 0.5..1000 kW, sample interval 1..60 s; agent defaults: commissioning {options.CommissioningPeriod}, validation {options.ValidationPeriod}):");
        Console.WriteLine($"  {"machine",-8}{"every",7}{"rated kW",10}{"idle kW",10}{"learned idle",14}{"learned run",13}{"stated after",14}{"rejections",12}{"accuracy",10}");
        for (var m = 0; m < IntervalsSeconds.Length; m++)
        {
            var profile = ShiftProfile.Generate(100 + m, TimeSpan.FromSeconds(IntervalsSeconds[m]));
            var log = new RecordingLogger();
            var tracker = new MachineStateTracker(profile.Name, model, options, null, log);
            var confusion = new Confusion();
            var dt = profile.Interval.TotalSeconds;
            double? firstStated = null;
            for (var i = 0; i < profile.Kilowatts.Length; i++)
            {
                var state = tracker.Next(start.AddSeconds(i * dt), profile.Kilowatts[i]);
                if (state is { } s)
                {
                    firstStated ??= i * dt;
                    confusion.Add(profile.States[i], s, dt);
                    all.Add(profile.States[i], s, dt);
                }
                else
                {
                    unstated += dt;
                }
            }

            calibrated += tracker.Phase == CalibrationPhase.Calibrated ? 1 : 0;
            Oracle(model, profile, oracle);
            var levels = tracker.Calibration;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {profile.Name,-8}{dt + " s",7}{profile.RatedKw,10:0.##}{profile.IdleKw,10:0.##}{levels?.IdleKw.ToString("0.##", CultureInfo.InvariantCulture) ?? "-",14}{levels?.RunningKw.ToString("0.##", CultureInfo.InvariantCulture) ?? "-",13}{(firstStated is { } f ? (f / 3600).ToString("0.00", CultureInfo.InvariantCulture) + " h" : "never"),14}{log.Rejections.Count(),12}{confusion.Accuracy,10:P1}"));
            foreach (var reason in log.Rejections.Distinct().Take(2))
            {
                Console.WriteLine("      " + reason);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  calibrated {calibrated} of {IntervalsSeconds.Length}; after calibration {all.Accuracy:P2} of {all.Total / 3600:0.0} h right; {unstated / 3600:0.0} h reported no state (commissioning, validation, rejected)"));
        all.Print("    ");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  same days with the true levels given (model alone, every sample): {oracle.Accuracy:P2} of {oracle.Total / 3600:0.0} h"));
        oracle.Print("    ");
    }

    /// <summary>The model with the generator's true levels (no calibration error), over the whole day.</summary>
    private static void Oracle(MachineStateModel model, ShiftProfile profile, Confusion confusion)
    {
        var running = profile.Kilowatts.Where((_, i) => profile.States[i] == MachineState.Running).Order().ToArray();
        var levels = new MachineLevelsOverride { RunningKw = running[running.Length / 2], IdleKw = profile.IdleKw };
        var tracker = new MachineStateTracker(profile.Name, model, new MachineStateOptions(), null, new RecordingLogger());
        tracker.Use(MachineCalibration.From(levels, DateTimeOffset.UnixEpoch));
        var dt = profile.Interval.TotalSeconds;
        for (var i = 0; i < profile.Kilowatts.Length; i++)
        {
            confusion.Add(profile.States[i], tracker.Next(DateTimeOffset.UnixEpoch.AddSeconds(i * dt), profile.Kilowatts[i])!.Value, dt);
        }
    }
}
