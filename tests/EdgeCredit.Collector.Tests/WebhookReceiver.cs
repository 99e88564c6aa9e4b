using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Collector.Tests;

/// <summary>
/// A real HTTP receiver (Kestrel on loopback) for webhook deliveries, on a fixed port so it can be stopped and started
/// again as a receiver that went down and came back. Records every request; answers with <see cref="Answer"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication? _app;

    public WebhookReceiver()
    {
        Port = TestCollector.FreePort();
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook");

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>Status (and Retry-After seconds, if any) for the next request.</summary>
    public Func<(int Status, int? RetryAfterSeconds)> Answer { get; set; } = () => (200, null);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue(new ReceivedWebhook(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            var (status, retryAfter) = Answer();
            if (retryAfter is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            context.Response.StatusCode = status;
            _arrived.Release();
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Waits until request number <paramref name="count"/> (from 1) was answered, and returns it.</summary>
    public async Task<ReceivedWebhook> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (Received.Count < count)
        {
            await _arrived.WaitAsync(cts.Token);
        }

        return Received.ElementAt(count - 1);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _arrived.Dispose();
    }
}

public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body);
