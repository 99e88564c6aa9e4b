using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Collector.Profiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCredit.Benchmarks.Profiles;

/// <summary>
/// Profile API latency: the real collector (in this process, Kestrel on loopback) with <paramref name="enterprises"/>
/// enterprises seeded with 42 days of simulated history (mixed plans), profiles built once, then GET
/// /api/v1/enterprises/{id}/profile at a fixed <paramref name="rate"/> (open loop: latency counts from the scheduled send
/// time, so a stall is not hidden) for <paramref name="seconds"/>, with lender keys that each hold one grant. Also times
/// building a profile from scratch (what the service does every interval and a stale request triggers).
/// </summary>
internal sealed class ProfileApiBenchmark(int enterprises, int rate, int seconds)
{
    private static readonly string[] Plans = ["normal", "normal", "decline", "halt", "dark", "tamper"];

    public async Task RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("bench-profiles-").FullName;
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0", $"--Broker:Port={FreePort.Next()}", $"--Storage:Path={directory}/collector.db", "--Storage:Synchronous=Normal",
            "--Logging:LogLevel:Default=Warning", "--Warnings:Interval=01:00:00", "--Profiles:Interval=1.00:00:00", "--Profiles:MaxAge=1.00:00:00",
        };
        var keys = new List<(string Key, string Enterprise)>();
        for (var i = 0; i < enterprises; i++)
        {
            var id = $"ent-{i:D4}";
            var key = $"bench-key-{i:D4}-{Guid.NewGuid():N}";
            keys.Add((key, id));
            args.AddRange([
                $"--Registry:Devices:{i}:Id=gw-{i:D4}", $"--Registry:Devices:{i}:Enterprise={id}", $"--Registry:Devices:{i}:SecretHash={SecretHash.Create("s")}",
                $"--Registry:Enterprises:{i}:Id={id}", $"--Registry:Enterprises:{i}:TimeZone=Asia/Shanghai", $"--Registry:Enterprises:{i}:Calendar:Holidays=cn",
                $"--Demo:History:{i}:Enterprise={id}", $"--Demo:History:{i}:Device=gw-{i:D4}", $"--Demo:History:{i}:Plan={Plans[i % Plans.Length]}",
                $"--Tenancy:Lenders:{i}:Id=bank-{i:D4}", $"--Tenancy:Grants:{i}:Lender=bank-{i:D4}", $"--Tenancy:Grants:{i}:Enterprise={id}",
                $"--Api:Keys:{i}:Name=k{i}", $"--Api:Keys:{i}:Lender=bank-{i:D4}", $"--Api:Keys:{i}:KeyHash={SecretHash.Create(key)}",
            ]);
        }

        Console.WriteLine($"profile-api: {enterprises} enterprises x 42 days of simulated history, {rate} requests/s for {seconds} s, one lender key per enterprise");
        var seed = Stopwatch.StartNew();
        using (var quiet = new StringWriter(CultureInfo.InvariantCulture))
        {
            await EdgeCredit.Collector.Demo.DemoHistoryVerb.RunAsync([.. args], quiet);
        }

        Console.WriteLine($"  seeded in {seed.Elapsed.TotalSeconds:0.0} s");
        await using var app = CollectorHost.Build([.. args]);
        await app.StartAsync();

        // The indicator service first recomputes every seeded day (dirty hours), and the warning and profile services
        // make their first pass: the measurement starts after that, as on a collector that has been running.
        var settle = Stopwatch.StartNew();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={directory}/collector.db;Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM dirty_hours";
            while ((long)command.ExecuteScalar()! > 0)
            {
                await Task.Delay(500);
            }
        }

        Console.WriteLine($"  indicators of the seeded days computed {settle.Elapsed.TotalSeconds:0.0} s after the start");
        var composer = app.Services.GetRequiredService<ProfileComposer>();
        var build = new List<double>();
        foreach (var (_, enterprise) in keys)
        {
            var started = Stopwatch.GetTimestamp();
            await composer.BuildAsync(enterprise, CancellationToken.None);
            build.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  building a profile from the rollups (90 days + 30 of history, warnings, devices): p50 {Percentiles.Of(build, 50):0.0} ms, p99 {Percentiles.Of(build, 99):0.0} ms, all {enterprises} in {build.Sum() / 1000:0.00} s"));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        var warmup = new List<double>();
        var warmupClock = Stopwatch.StartNew();
        for (var n = 0; n < 500; n++)
        {
            var (key, enterprise) = keys[n % keys.Count];
            await SendAsync(http, key, enterprise, warmupClock.Elapsed, warmupClock, warmup, () => { });
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: 500 sequential requests, p50 {Percentiles.Of(warmup, 50):0.0} ms"));
        var latencies = new List<double>();
        var errors = 0;
        var total = rate * seconds;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(total);
        var random = new Random(1);
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var (key, enterprise) = keys[random.Next(keys.Count)];
            tasks.Add(SendAsync(http, key, enterprise, due, clock, latencies, () => Interlocked.Increment(ref errors)));
        }

        await Task.WhenAll(tasks);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  served {total - errors} of {total} ({errors} errors) in {clock.Elapsed.TotalSeconds:0.0} s; latency from the scheduled send: p50 {Percentiles.Of(latencies, 50):0.0} ms, p90 {Percentiles.Of(latencies, 90):0.0} ms, p99 {Percentiles.Of(latencies, 99):0.0} ms, max {latencies.Max():0.0} ms"));
        Console.WriteLine(Percentiles.Of(latencies, 99) < 50 ? "PASS  p99 under 50 ms" : "FAIL  p99 50 ms or more");
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task SendAsync(HttpClient http, string key, string enterprise, TimeSpan due, Stopwatch clock, List<double> latencies, Action error)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/enterprises/{enterprise}/profile");
        request.Headers.Add("X-Api-Key", key);
        try
        {
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                error();
            }
        }
        catch (HttpRequestException)
        {
            error();
        }

        var latency = (clock.Elapsed - due).TotalMilliseconds;
        lock (latencies)
        {
            latencies.Add(latency);
        }
    }
}
