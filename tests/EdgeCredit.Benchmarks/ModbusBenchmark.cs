using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeCredit.Agent.Meters.Modbus;
using EdgeCredit.Testing.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Many Modbus TCP meters polled on their schedule against the real pymodbus server (tests/tools/modbus_server.py,
/// one process serving one unit id per meter). Each meter has the three-phase model of the tests (power, energy, three
/// currents, voltage: two requests per poll). The benchmark pins itself to CPU 0 and the server to CPU 1 (when there is
/// one), and prints the agent side's CPU use, polls per second and how late polls started against their ticks.
/// </summary>
internal sealed class ModbusBenchmark(int meters, TimeSpan duration, TimeSpan interval)
{
    public async Task RunAsync()
    {
        var script = FindScript();
        var config = Path.Combine(Path.GetTempPath(), $"modbus-bench-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(config, ServerValues());
        var pin = Environment.ProcessorCount > 1 && File.Exists("/usr/bin/taskset");
        if (pin && OperatingSystem.IsLinux())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        string[] serverArgs = [script, "--units", string.Join(',', Enumerable.Range(1, meters)), "--config", config, "--no-commands"];
        await using var server = pin
            ? ChildProcess.Start("modbus_server", "/usr/bin/taskset", ["-c", "1", "/usr/bin/python3", .. serverArgs])
            : ChildProcess.Start("modbus_server", "/usr/bin/python3", serverArgs);
        var ready = await server.WaitForLineAsync(l => l.StartsWith("READY ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var port = int.Parse(ready[6..], CultureInfo.InvariantCulture);

        var lateness = new ConcurrentQueue<double>();
        var all = Enumerable.Range(1, meters).Select(unit => new ModbusMeter(Setup(unit, port), TimeProvider.System, NullLogger.Instance)).ToArray();
        foreach (var meter in all)
        {
            meter.PollStarted = late => lateness.Enqueue(late.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"modbus: {meters} meters (unit ids 1..{meters} on one pymodbus server), poll every {interval.TotalSeconds:0.###} s, {duration.TotalSeconds:0} s run, agent {(pin ? "pinned to CPU 0, server to CPU 1" : "not pinned")}, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        using var stop = new CancellationTokenSource();
        var runs = all.Select(m => m.RunAsync(stop.Token)).ToArray();

        // The first two seconds connect and JIT; the measurement starts after them.
        await Task.Delay(TimeSpan.FromSeconds(2));
        lateness.Clear();
        var before = all.Select(m => m.Snapshot()).ToArray();
        var cpu0 = ProcStat.CpuSeconds(Environment.ProcessId);
        var serverCpu0 = ProcStat.CpuSeconds(server.Id);
        var clock = Stopwatch.StartNew();
        await Task.Delay(duration);
        var wall = clock.Elapsed.TotalSeconds;
        var cpu = ProcStat.CpuSeconds(Environment.ProcessId) - cpu0;
        var serverCpu = ProcStat.CpuSeconds(server.Id) - serverCpu0;
        var after = all.Select(m => m.Snapshot()).ToArray();
        await stop.CancelAsync();
        await Task.WhenAll(runs);
        foreach (var meter in all)
        {
            meter.Dispose();
        }

        File.Delete(config);
        long Sum(Func<ModbusMeterStats, long> field) => after.Sum(field) - before.Sum(field);
        var late = lateness.ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  polls {Sum(s => s.Polls)} ({Sum(s => s.Polls) / wall:F1}/s, expected {meters / interval.TotalSeconds:F1}/s), good {Sum(s => s.GoodPolls)}, timeouts {Sum(s => s.Timeouts)}, protocol errors {Sum(s => s.ProtocolErrors)}, connection failures {Sum(s => s.ConnectionFailures)}, reconnects {Sum(s => s.Reconnects)}, skipped ticks {Sum(s => s.SkippedPolls)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  agent CPU {100 * cpu / wall:F1} % of one core ({1000 * cpu / Math.Max(1, Sum(s => s.Polls)):F3} ms per poll); server (python) CPU {100 * serverCpu / wall:F1} %"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  poll start vs schedule, ms: p50 {Percentiles.Of(late, 50):F2}, p99 {Percentiles.Of(late, 99):F2}, max {late.DefaultIfEmpty(double.NaN).Max():F2} ({late.Length} starts)"));
    }

    private ModbusMeterSetup Setup(int unit, int port)
    {
        var meter = new ModbusMeterOptions
        {
            Name = $"meter-{unit:00}",
            Host = "127.0.0.1",
            Port = port,
            UnitId = unit,
            Model = "pm",
            PollInterval = interval,
            Timeout = interval / 2,
        };
        List<ModbusPointOptions> model =
        [
            new() { Quantity = ModbusQuantity.Power, Function = ModbusFunction.Input, Address = 0, Type = ModbusDataType.Float32, Scale = 0.001 },
            new() { Quantity = ModbusQuantity.Energy, Function = ModbusFunction.Input, Address = 2, Type = ModbusDataType.UInt32, WordOrder = WordOrder.LowFirst, Scale = 0.01 },
            new() { Quantity = ModbusQuantity.Current, Function = ModbusFunction.Holding, Address = 100, Type = ModbusDataType.Int16, Scale = 0.1 },
            new() { Quantity = ModbusQuantity.Current, Function = ModbusFunction.Holding, Address = 101, Type = ModbusDataType.Int16, Scale = 0.1 },
            new() { Quantity = ModbusQuantity.Current, Function = ModbusFunction.Holding, Address = 102, Type = ModbusDataType.Int16, Scale = 0.1 },
            new() { Quantity = ModbusQuantity.Voltage, Function = ModbusFunction.Holding, Address = 103, Type = ModbusDataType.UInt16, Scale = 0.1, Min = 180, Max = 260 },
        ];
        return new ModbusMeterSetup(meter, $"Modbus:Meters:{unit - 1}", model, 0.01);
    }

    private string ServerValues()
    {
        var units = Enumerable.Range(1, meters).ToDictionary(
            u => u.ToString(CultureInfo.InvariantCulture),
            u => new object[]
            {
                new { table = "i", address = 0, type = "float32", order = "high", value = 1000.0 * u },
                new { table = "i", address = 2, type = "uint32", order = "low", value = 100_000 + u },
                new { table = "h", address = 100, type = "int16", order = "high", value = 101 },
                new { table = "h", address = 101, type = "int16", order = "high", value = 102 },
                new { table = "h", address = 102, type = "int16", order = "high", value = 103 },
                new { table = "h", address = 103, type = "uint16", order = "high", value = 2300 },
            });
        return JsonSerializer.Serialize(new { units });
    }

    private static string FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "tools", "modbus_server.py");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("tests/tools/modbus_server.py not found; run from the repository");
    }
}
