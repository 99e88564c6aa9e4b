using System.Globalization;
using EdgeCredit.Agent.Meters.Pulse;
using EdgeCredit.Agent.Meters.Simulation;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// CPU cost of S0 pulse counting at 100 Hz with contact bounce: a <see cref="PulseMeter"/> on the simulated GPIO driver,
/// whose generator emits 100 pulses/s with 6 bounce edges per transition (1,400 edges/s); every counted pulse is a
/// positional write of the counter file, fsync'd every second. Prints the process CPU (from /proc/self/stat), the
/// generator thread's CPU (/proc/self/task/N/stat, which also runs the callbacks), the time spent in the callbacks
/// (counter + store write) and counted vs generated.
/// </summary>
internal sealed class PulseBenchmark(TimeSpan duration)
{
    public async Task RunAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "edgecredit-pulse-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var options = new PulseMeterOptions
            {
                Name = "bench-1",
                Pin = 5,
                PulsesPerKwh = 1000,
                Driver = GpioDriverKind.Simulated,
                Simulation = new PulseSimulationOptions
                {
                    RateHz = 100,
                    PulseWidth = TimeSpan.FromMilliseconds(4),
                    BounceEdges = 6,
                    BounceSpan = TimeSpan.FromMilliseconds(0.3),
                },
            };
            using var meter = new PulseMeter(new PulseMeterSettings(options, 0, Path.Combine(directory, "bench-1.counter")), () => new SimulatedGpioDriver(), TimeProvider.System, NullLogger.Instance);
            using var cts = new CancellationTokenSource();
            var pid = Environment.ProcessId;
            var run = meter.RunAsync(cts.Token);
            await Task.Delay(TimeSpan.FromSeconds(2)); // warm-up: JIT, first pulses
            var driver = (SimulatedGpioDriver)meter.Driver!;
            var generatorTask = FindThread("pulse-generat");
            var cpu0 = ProcStat.CpuSeconds(pid);
            var thread0 = generatorTask is null ? 0 : ThreadCpuSeconds(generatorTask);
            var callbacks0 = driver.CallbackTime;
            var pulses0 = driver.GeneratedPulses;
            var started = DateTime.UtcNow;
            await Task.Delay(duration);
            var elapsed = (DateTime.UtcNow - started).TotalSeconds;
            var cpu = ProcStat.CpuSeconds(pid) - cpu0;
            var thread = generatorTask is null ? double.NaN : ThreadCpuSeconds(generatorTask) - thread0;
            var callbacks = (driver.CallbackTime - callbacks0).TotalSeconds;
            var pulses = driver.GeneratedPulses - pulses0;
            await cts.CancelAsync();
            await run;

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pulse: {elapsed:0.0} s, {pulses / elapsed:0.0} pulses/s generated ({pulses * (2 + (2 * options.Simulation.BounceEdges)) / elapsed:0} edges/s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  process CPU        {100 * cpu / elapsed:0.00} % of one core (everything: generator, counting, store, runtime)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generator thread   {100 * thread / elapsed:0.00} % (emits edges and runs the callbacks on them)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  callbacks          {100 * callbacks / elapsed:0.00} % (wall time in counter + counter-file pwrite, on the generator thread)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generator alone    {100 * (thread - callbacks) / elapsed:0.00} % (thread minus callbacks: sleeping, spinning the bounce offsets)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rest of process    {100 * (cpu - thread) / elapsed:0.00} % (flush loop with fsync each second, runtime, timers)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  counted {meter.Pulses} of {driver.GeneratedPulses} generated: {(meter.Pulses == driver.GeneratedPulses ? "exact" : "MISMATCH")}"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string? FindThread(string name)
    {
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (File.ReadAllText(Path.Combine(task, "comm")).Trim().StartsWith(name, StringComparison.Ordinal))
            {
                return task;
            }
        }

        return null;
    }

    private static double ThreadCpuSeconds(string task)
    {
        var stat = File.ReadAllText(Path.Combine(task, "stat"));
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
