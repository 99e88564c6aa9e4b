using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeCredit.Protocol;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Collector ingest: many devices publish QoS 1 batches as fast as the pipeline accepts them (each device keeps
/// a bounded number in flight) through a real broker into the collector's SQLite. Prints sustained batches/s and
/// signals/s, the collector's (and broker's) CPU, and publish-to-queryable latency of a probe device sampled
/// through the REST API while the load runs.
/// </summary>
internal sealed class IngestBenchmark(IngestSettings settings)
{
    public async Task RunAsync()
    {
        using var dir = new TempDirectory("bench-ingest");
        var devices = Enumerable.Range(1, settings.Devices).Select(i => DeviceSpec.Create("bench-ent", $"dev-{i:D4}")).ToList();
        var probe = DeviceSpec.Create("probe-ent", "probe");
        Mosquitto? broker = null;
        CollectorProcess collector;
        Console.WriteLine($"ingest via {settings.Broker}: {settings.Devices} devices, {settings.Batches:N0} batches of {settings.Signals} signals, {settings.InFlightPerDevice} in flight per device, offered rate {(settings.Rate > 0 ? settings.Rate.ToString("N0", CultureInfo.InvariantCulture) + " batches/s" : "unlimited")}; collector args: {string.Join(' ', settings.CollectorArgs)}");
        if (settings.Broker == "mosquitto")
        {
            broker = await Mosquitto.StartAsync(dir.Sub("broker"), "collector", [.. devices.Append(probe).Select(d => (d.Enterprise, d.Device))]);
            collector = await CollectorProcess.StartExternalAsync(dir.Sub("collector"), broker, "collector", [.. devices, probe], settings.CollectorArgs);
        }
        else
        {
            collector = await CollectorProcess.StartEmbeddedAsync(dir.Sub("collector"), [.. devices, probe], settings.CollectorArgs);
        }

        await using var ownedCollector = collector;
        await using var ownedBroker = broker;
        var clients = new List<IMqttClient>();
        foreach (var device in devices.Append(probe))
        {
            var client = new MqttClientFactory().CreateMqttClient();
            var options = broker is null
                ? new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", collector.MqttPort!.Value).WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId(device.Device).WithCredentials(device.Device, device.Secret).WithTimeout(TimeSpan.FromSeconds(60)).Build()
                : MqttTls.Options(broker, device.Device, device.Device);
            var result = await client.ConnectAsync(options);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"{device.Device}: {result.ResultCode}");
            }

            clients.Add(client);
        }

        // Warm up: one batch per device, so JIT and connections are out of the measurement.
        await Task.WhenAll(devices.Select((d, i) => PublishAsync(clients[i], d, 1)));
        await WaitAcceptedAsync(collector, devices.Count, TimeSpan.FromSeconds(60));

        var perDevice = settings.Batches / devices.Count;
        var total = perDevice * devices.Count;
        var baseAccepted = devices.Count;
        if (settings.Preload && broker is not null)
        {
            await RunPreloadedAsync(collector, broker, clients, devices, perDevice, total, baseAccepted);
            return;
        }
        var collectorCpu0 = ProcStat.CpuSeconds(collector.Process.Id);
        var brokerCpu0 = broker is null ? 0 : ProcStat.CpuSeconds(broker.Process.Id);
        var selfCpu0 = ProcStat.CpuSeconds(Environment.ProcessId);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var latencies = new ConcurrentBag<double>();
        var probeTask = ProbeAsync(collector, clients[^1], probe, latencies, stop.Token);
        var samples = new List<(double Seconds, long Accepted)>();
        var sampler = SampleAsync(collector, samples, clock, stop.Token);

        var failures = 0L;
        await Task.WhenAll(devices.Select((d, i) => PublishManyAsync(clients[i], d, perDevice, () => Interlocked.Increment(ref failures))));
        var publishSeconds = clock.Elapsed.TotalSeconds;
        await WaitAcceptedAsync(collector, baseAccepted + total, TimeSpan.FromMinutes(5));
        var wall = clock.Elapsed.TotalSeconds;
        var collectorCpu = ProcStat.CpuSeconds(collector.Process.Id) - collectorCpu0;
        var brokerCpu = broker is null ? 0 : ProcStat.CpuSeconds(broker.Process.Id) - brokerCpu0;
        var selfCpu = ProcStat.CpuSeconds(Environment.ProcessId) - selfCpu0;
        await stop.CancelAsync();
        await Task.WhenAll(probeTask, sampler);

        var steady = SteadyRate(samples, baseAccepted, total);
        var stats = await collector.GetJsonAsync("/api/v1/ingest/stats");
        var lat = latencies.ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
              published {total:N0} batches in {publishSeconds:F1} s; all stored after {wall:F1} s; publish failures {failures}
              sustained (10%..90% of the run): {steady:N0} batches/s = {steady * settings.Signals:N0} signals/s
              whole run: {total / wall:N0} batches/s = {total * settings.Signals / wall:N0} signals/s
              collector CPU {collectorCpu / wall * 100:F0}% of one core (peak RSS {ProcStat.MemoryMiB(collector.Process.Id, "VmHWM"):F0} MiB){(broker is null ? string.Empty : $"; mosquitto CPU {brokerCpu / wall * 100:F0}%")}; load generator (this process) CPU {selfCpu / wall * 100:F0}%; machine has {Environment.ProcessorCount} cores
              publish -> queryable via API (probe, {lat.Count} samples): p50 {Percentiles.Of(lat, 50):F0} ms, p99 {Percentiles.Of(lat, 99):F0} ms, max {(lat.Count == 0 ? double.NaN : lat.Max()):F0} ms
              collector stats: {stats}
            """));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// The collector's own capacity without a load generator beside it: the collector is stopped, the whole load
    /// is queued in its persistent session on the broker, then the collector starts and drains it.
    /// </summary>
    private async Task RunPreloadedAsync(CollectorProcess collector, Mosquitto broker, List<IMqttClient> clients, List<DeviceSpec> devices, int perDevice, int total, int baseAccepted)
    {
        await collector.StopAsync();
        var publish = Stopwatch.StartNew();
        var failures = 0L;
        await Task.WhenAll(devices.Select((d, i) => PublishManyAsync(clients[i], d, perDevice, () => Interlocked.Increment(ref failures))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  queued {total:N0} batches in mosquitto for the stopped collector in {publish.Elapsed.TotalSeconds:F1} s; publish failures {failures}"));

        var brokerCpu0 = ProcStat.CpuSeconds(broker.Process.Id);
        var clock = Stopwatch.StartNew();
        await collector.RestartAsync();
        var collectorCpu0 = ProcStat.CpuSeconds(collector.Process.Id);
        using var stop = new CancellationTokenSource();
        var samples = new List<(double Seconds, long Accepted)>();
        var sampler = SampleAsync(collector, samples, clock, stop.Token);
        await WaitAcceptedAsync(collector, baseAccepted + total, TimeSpan.FromMinutes(10));
        var wall = clock.Elapsed.TotalSeconds;
        var collectorCpu = ProcStat.CpuSeconds(collector.Process.Id) - collectorCpu0;
        var brokerCpu = ProcStat.CpuSeconds(broker.Process.Id) - brokerCpu0;
        await stop.CancelAsync();
        await sampler;
        var steady = SteadyRate(samples, 0, total);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  collector start + drain of {total:N0} queued batches: {wall:F1} s (start-up included) = {total / wall:N0} batches/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sustained (10%..90% of the drain): {steady:N0} batches/s = {steady * settings.Signals:N0} signals/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  collector CPU {collectorCpu / wall * 100:F0}% of one core; mosquitto CPU {brokerCpu / wall * 100:F0}%; no load generator running"));
    }

    private async Task PublishManyAsync(IMqttClient client, DeviceSpec device, int count, Action onFailure)
    {
        using var inFlight = new SemaphoreSlim(settings.InFlightPerDevice);
        var tasks = new List<Task>(count);
        for (var seq = 2L; seq < count + 2; seq++)
        {
            await inFlight.WaitAsync();
            await PaceAsync();
            var sequence = seq;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    if (!await PublishAsync(client, device, sequence))
                    {
                        onFailure();
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
    }

    private long _paced;
    private long _pacingStart;

    /// <summary>With --rate, holds each publish until its slot in a fixed offered rate across all devices.</summary>
    private async Task PaceAsync()
    {
        if (settings.Rate <= 0)
        {
            return;
        }

        Interlocked.CompareExchange(ref _pacingStart, Stopwatch.GetTimestamp(), 0);
        var n = Interlocked.Increment(ref _paced);
        var due = TimeSpan.FromSeconds(n / (double)settings.Rate) - Stopwatch.GetElapsedTime(Interlocked.Read(ref _pacingStart));
        if (due > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(due);
        }
    }

    private async Task<bool> PublishAsync(IMqttClient client, DeviceSpec device, long sequence)
    {
        var payload = ProtocolJson.Serialize(TestBatches.Valid(device, sequence, settings.Signals));
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.SignalsOf(device.Enterprise, device.Device))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        return result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers;
    }

    private async Task ProbeAsync(CollectorProcess collector, IMqttClient client, DeviceSpec probe, ConcurrentBag<double> latencies, CancellationToken ct)
    {
        var sent = new ConcurrentDictionary<long, long>();
        var seen = new HashSet<long>();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);
        var sequence = 0L;
        var publisher = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
            {
                var s = ++sequence;
                sent[s] = Stopwatch.GetTimestamp();
                await PublishAsync(client, probe, s);
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var body = await collector.GetJsonAsync($"/api/v1/enterprises/probe-ent/signals?from={Uri.EscapeDataString(from)}&limit=100000");
                var now = Stopwatch.GetTimestamp();
                foreach (var signal in body.GetProperty("signals").EnumerateArray())
                {
                    var s = signal.GetProperty("sequence").GetInt64();
                    if (seen.Add(s) && sent.TryGetValue(s, out var t0))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(t0, now).TotalMilliseconds);
                    }
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50, CancellationToken.None);
        }

        await publisher;
    }

    private static async Task SampleAsync(CollectorProcess collector, List<(double, long)> samples, Stopwatch clock, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var stats = await collector.GetJsonAsync("/api/v1/ingest/stats");
            samples.Add((clock.Elapsed.TotalSeconds, stats.GetProperty("acceptedBatches").GetInt64()));
            await Task.Delay(250, CancellationToken.None);
        }
    }

    private static double SteadyRate(List<(double Seconds, long Accepted)> samples, long baseAccepted, long total)
    {
        var lo = samples.FirstOrDefault(s => s.Accepted - baseAccepted >= total * 0.1);
        var hi = samples.FirstOrDefault(s => s.Accepted - baseAccepted >= total * 0.9);
        return hi.Seconds > lo.Seconds ? (hi.Accepted - lo.Accepted) / (hi.Seconds - lo.Seconds) : double.NaN;
    }

    private static async Task WaitAcceptedAsync(CollectorProcess collector, long atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var stats = await collector.GetJsonAsync("/api/v1/ingest/stats");
            // the probe's batches count too; compare only the load devices' own total through the device list
            var accepted = (await collector.GetJsonAsync("/api/v1/devices")).EnumerateArray()
                .Where(d => d.GetProperty("enterprise").GetString() == "bench-ent")
                .Sum(d => d.GetProperty("storedBatches").GetInt64());
            if (accepted >= atLeast)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                var quarantine = await collector.GetJsonAsync("/api/v1/quarantine?limit=3");
                throw new TimeoutException($"only {accepted} of {atLeast} batches stored; stats {stats}\nquarantine: {quarantine}\n{collector.Process.Tail(20)}");
            }

            await Task.Delay(100);
        }
    }
}

internal sealed record IngestSettings(string Broker, int Devices, int Batches, int Signals, int InFlightPerDevice, int Rate, bool Preload, string[] CollectorArgs);
