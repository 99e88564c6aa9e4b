using System.Globalization;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Benchmarks;

/// <summary>Resident memory of a real agent process with one simulated meter, publishing to a real collector.</summary>
internal sealed class AgentMemoryBenchmark(TimeSpan duration)
{
    public async Task RunAsync()
    {
        using var dir = new TempDirectory("bench-memory");
        var device = DeviceSpec.Create("bench-ent", "gw-mem");
        await using var collector = await CollectorProcess.StartEmbeddedAsync(dir.Sub("collector"), [device]);
        await using var agent = AgentProcess.ForEmbedded(device, dir.Sub("agent"), collector.MqttPort!.Value, TimeSpan.FromSeconds(10),
            "--Simulator:Machines:0:Name=press-1", "--Simulator:Machines:0:RatedKw=22", "--Simulator:Machines:0:IdleKw=2");
        agent.Start();
        Console.WriteLine($"agent memory: one simulated meter, 10 s windows, {duration.TotalSeconds:F0} s run");
        var samples = new List<double>();
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            await Task.Delay(1000);
            samples.Add(ProcStat.MemoryMiB(agent.Process.Id));
        }

        var stored = await collector.DeviceAsync("gw-mem");
        var steady = samples.Skip(samples.Count / 2).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  RSS steady (second half) median {Percentiles.Of(steady, 50):F1} MiB, max {steady.Max():F1} MiB; peak VmHWM {ProcStat.MemoryMiB(agent.Process.Id, "VmHWM"):F1} MiB; batches stored {stored?.GetProperty("storedBatches")}"));
        await agent.StopAsync();
    }
}
