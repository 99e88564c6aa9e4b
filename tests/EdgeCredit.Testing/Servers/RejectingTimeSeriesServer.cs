using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Testing.Servers;

/// <summary>
/// A named fake for the failure modes a real server will not produce on demand: answers the n-th write request
/// (0-based) with what <c>respond</c> says, e.g. 400 with an InfluxDB error body, or 429 with Retry-After.
/// VictoriaMetrics skips bad lines and answers 204, so an invalid batch cannot be provoked there. Records every
/// request with its arrival time and line-protocol body.
/// </summary>
internal sealed class RejectingTimeSeriesServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, FakeResponse> _respond;
    private readonly ConcurrentQueue<ReceivedWrite> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _loop;

    private RejectingTimeSeriesServer(int port, Func<int, FakeResponse> respond)
    {
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        _respond = respond;
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = ServeAsync();
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedWrite> Requests => [.. _requests];

    public static RejectingTimeSeriesServer Start(Func<int, FakeResponse> respond) => new(FreePort.Next(), respond);

    /// <summary>Waits until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<IReadOnlyList<ReceivedWrite>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_requests.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"only {_requests.Count} of {count} write requests arrived within {timeout}");
            }
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
        _arrived.Dispose();
    }

    private async Task ServeAsync()
    {
        var index = 0;
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var answer = _respond(index++);
            _requests.Enqueue(new ReceivedWrite(DateTimeOffset.UtcNow, context.Request.Url?.PathAndQuery ?? string.Empty, body.Split('\n', StringSplitOptions.RemoveEmptyEntries), answer.Status));
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.AddHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
            }

            if (answer.Body is { Length: > 0 } text)
            {
                context.Response.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(text);
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
            _arrived.Release();
        }
    }
}
