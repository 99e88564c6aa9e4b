using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Collector.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Benchmarks.Webhooks;

/// <summary>
/// Webhook delivery through a receiver outage, in real time: the real collector (default Webhooks options: retry 5 s
/// doubling to 5 min) publishes one warning event per <paramref name="interval"/> to a subscription whose receiver (Kestrel
/// on loopback) is down for <paramref name="outage"/>, then back. Prints what arrived, duplicates by idempotency key,
/// signature failures, attempts, and how long after the receiver came back the last delivery arrived.
/// </summary>
internal sealed class WebhookOutageBenchmark(TimeSpan outage, TimeSpan interval)
{
    public async Task RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("bench-webhooks-").FullName;
        var port = FreePort.Next();
        const string key = "bench-operator-key";
        var app = CollectorHost.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--Broker:Port={FreePort.Next()}",
            $"--Storage:Path={directory}/collector.db",
            "--Registry:Devices:0:Id=gw-01",
            "--Registry:Devices:0:Enterprise=acme-metal",
            $"--Registry:Devices:0:SecretHash={SecretHash.Create("s")}",
            "--Api:Keys:0:Name=bench",
            $"--Api:Keys:0:KeyHash={SecretHash.Create(key)}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:EdgeCredit.Collector.Webhooks=Error",
        ]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var url = $"http://127.0.0.1:{port}/hook";
        var created = await (await http.PostAsJsonAsync("/api/v1/webhooks", new { url })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        var subscription = created.GetProperty("id").GetString()!;
        var publisher = app.Services.GetRequiredService<WebhookPublisher>();

        Console.WriteLine($"webhook-outage: receiver {url} down for {outage.TotalMinutes:0.#} min, one event every {interval.TotalSeconds:0.#} s while it is down; collector defaults (RetryMin 5 s, RetryMax 5 min)");
        var published = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < outage)
        {
            published++;
            var id = $"evt-{published:D5}";
            publisher.Publish(new WebhookEvent(id, WebhookEventTypes.WarningOpened, "acme-metal", DateTimeOffset.UtcNow, new JsonObject { ["n"] = published }));
            if (published == 1 || published % 60 == 0)
            {
                Console.WriteLine($"  {clock.Elapsed.TotalMinutes,5:0.0} min: {published} events published, receiver down");
            }

            await Task.Delay(interval);
        }

        var received = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var badSignatures = 0;
        var lastArrival = TimeSpan.Zero;
        var back = clock.Elapsed;
        await using var receiver = await StartReceiverAsync(port, (headers, body) =>
        {
            received.AddOrUpdate(headers["Idempotency-Key"], 1, (_, n) => n + 1);
            if (!WebhookSignature.Verify(secret, headers[WebhookSignature.HeaderName], body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)))
            {
                Interlocked.Increment(ref badSignatures);
            }

            lastArrival = clock.Elapsed;
        });
        Console.WriteLine($"  {back.TotalMinutes,5:0.0} min: receiver back; {published} events waiting");
        while (received.Count < published && clock.Elapsed - back < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            Console.WriteLine($"  {clock.Elapsed.TotalMinutes,5:0.0} min: {received.Count}/{published} delivered");
        }

        await Task.Delay(TimeSpan.FromSeconds(10)); // anything sent twice would arrive now
        var log = await http.GetFromJsonAsync<JsonElement>($"/api/v1/webhooks/{subscription}/deliveries?limit=1000");
        var attempts = log.EnumerateArray().Select(d => d.GetProperty("attempts").GetInt32()).ToArray();
        var delivered = log.EnumerateArray().Count(d => d.GetProperty("status").GetString() == "delivered");
        Console.WriteLine();
        Console.WriteLine($"events published {published}, distinct received {received.Count}, delivered (log) {delivered}");
        Console.WriteLine($"duplicates by idempotency key: {received.Values.Count(n => n > 1)}; bad signatures: {badSignatures}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attempts per delivery: mean {attempts.DefaultIfEmpty(0).Average():0.0}, max {attempts.DefaultIfEmpty(0).Max()}; last delivery {(lastArrival - back).TotalSeconds:0} s after the receiver came back"));
        Console.WriteLine(received.Count == published && received.Values.All(n => n == 1) && badSignatures == 0 ? "PASS  every event delivered once, signed" : "FAIL");

        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<WebApplication> StartReceiverAsync(int port, Action<IReadOnlyDictionary<string, string>, string> onRequest)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            onRequest(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body);
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
