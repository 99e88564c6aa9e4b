using System.Globalization;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.State;

namespace EdgeCredit.Benchmarks.State;

/// <summary>
/// The Steel plant's year (15-minute samples) through the agent's tracker: commissioning on the first two weeks,
/// validation, then (as after a restart with the stored calibration) the whole year; running hours per day next to
/// the reference figures of <c>../shared/data/README.md</c>, which count hours above 80 kW.
/// </summary>
internal static class SteelEvaluation
{
    public static void Run(MachineStateModel model)
    {
        var rows = EnergyData.Steel();
        var options = new MachineStateOptions { CommissioningPeriod = TimeSpan.FromDays(14), ValidationPeriod = TimeSpan.FromDays(2) };
        var log = new RecordingLogger();
        var tracker = new MachineStateTracker("steel", model, options, null, log);
        var i = 0;
        for (; i < rows.Count && tracker.Phase != CalibrationPhase.Calibrated; i++)
        {
            tracker.Next(At(rows[i]), rows[i].Kilowatts);
        }

        Console.WriteLine($"Steel plant (Steel_industry_data.csv, kW = Usage_kWh x 4, 15-min samples; no state labels, not used in training): {rows.Count} samples");
        Console.WriteLine($"  agent calibration (commissioning {options.CommissioningPeriod.TotalDays} days, validation {options.ValidationPeriod.TotalDays} days): phase {tracker.Phase} after {i} samples");
        foreach (var line in log.Lines)
        {
            Console.WriteLine("    " + line.Message);
        }

        if (tracker.Calibration is not { } calibration)
        {
            return;
        }

        // The whole year with the learned levels, as the agent runs after a restart that reloads them.
        var year = new MachineStateTracker("steel", model, options, null, new RecordingLogger());
        year.Use(calibration);
        var days = new SortedDictionary<DateTime, (double Running, double Idle, double Off, double Above80, double Kwh)>();
        int agree = 0, runningLow = 0, highNotRunning = 0;
        var lowRunningKw = new List<double>();
        foreach (var row in rows)
        {
            var state = year.Next(At(row), row.Kilowatts);
            var isRunning = state == MachineState.Running;
            agree += isRunning == row.Kilowatts > 80 ? 1 : 0;
            runningLow += isRunning && row.Kilowatts <= 80 ? 1 : 0;
            if (isRunning && row.Kilowatts <= 80)
            {
                lowRunningKw.Add(row.Kilowatts);
            }

            highNotRunning += !isRunning && row.Kilowatts > 80 ? 1 : 0;
            var d = days.GetValueOrDefault(row.Start.Date);
            days[row.Start.Date] = (d.Running + (state == MachineState.Running ? 0.25 : 0), d.Idle + (state == MachineState.Idle ? 0.25 : 0),
                d.Off + (state == MachineState.Off ? 0.25 : 0), d.Above80 + (row.Kilowatts > 80 ? 0.25 : 0), d.Kwh + (row.Kilowatts / 4));
        }

        Console.WriteLine($"  operating (running) hours per day over {days.Count} days, model vs reference (hours above 80 kW):");
        Console.WriteLine($"    {"days",-10}{"n",5}{"model median",14}{"p10",7}{"p90",7}   |{"above 80 kW here",18}{"p10",7}{"p90",7}   | README reference (above 80 kW)");
        Line("weekday", [.. days.Where(d => !Weekend(d.Key)).Select(d => d.Value)], "12 (p10 9, p90 15)");
        Line("weekend", [.. days.Where(d => Weekend(d.Key)).Select(d => d.Value)], "3.6");
        var all = days.Values.ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    whole year: running {all.Sum(d => d.Running):0} h, idle {all.Sum(d => d.Idle):0} h, off {all.Sum(d => d.Off):0} h; energy {all.Sum(d => d.Kwh) / 1000:0} MWh (README: 960 MWh); weekday median {Percentile([.. days.Where(d => !Weekend(d.Key)).Select(d => d.Value.Kwh)], 50):0} kWh/day (README: 3,119)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    samples where 'running' and 'above 80 kW' agree: {(double)agree / rows.Count:P1}; running samples at or below 80 kW: {runningLow} (their power p10 {Percentile(lowRunningKw, 10):0} kW, median {Percentile(lowRunningKw, 50):0} kW), above 80 kW but not running: {highNotRunning}"));
    }

    private static void Line(string name, List<(double Running, double Idle, double Off, double Above80, double Kwh)> days, string reference)
    {
        var running = days.Select(d => d.Running).ToList();
        var above = days.Select(d => d.Above80).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {name,-10}{days.Count,5}{Percentile(running, 50),14:0.0}{Percentile(running, 10),7:0.0}{Percentile(running, 90),7:0.0}   |{Percentile(above, 50),18:0.0}{Percentile(above, 10),7:0.0}{Percentile(above, 90),7:0.0}   | {reference}"));
    }

    private static bool Weekend(DateTime day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateTimeOffset At(SteelRow row) => new(row.Start.AddMinutes(15), TimeSpan.Zero);

    private static double Percentile(List<double> values, double p) => Percentiles.Of(values, p);
}
