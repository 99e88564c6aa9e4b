using System.Globalization;
using System.Text.Json;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Testing.Servers;

/// <summary>
/// A real VictoriaMetrics (Debian package <c>victoria-metrics</c>) on a free loopback port with its own storage
/// directory. It accepts InfluxDB v2 writes at <c>/api/v2/write</c> and stores <c>measurement_field</c> as the metric
/// name with the tags as labels. Can be stopped and started again on the same port and data. Retention is 100 years
/// (the default month would silently drop older test timestamps); no deduplication, so a point written twice shows
/// up twice in <see cref="ExportAsync"/>.
/// </summary>
internal sealed class VictoriaMetricsServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/victoria-metrics";
    private readonly HttpClient _http;
    private ChildProcess? _process;

    private VictoriaMetricsServer(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        Port = port;
        Url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        _http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>Base URL for the InfluxDB client (it appends /api/v2/write).</summary>
    public string Url { get; }

    public bool IsRunning => _process is { HasExited: false };

    public ChildProcess Process => _process ?? throw new InvalidOperationException("victoria-metrics is not running");

    public static async Task<VictoriaMetricsServer> StartAsync(string dataDirectory)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: install it with `apt-get install -y victoria-metrics` (tests/run.sh does this).");
        }

        Directory.CreateDirectory(dataDirectory);
        var server = new VictoriaMetricsServer(dataDirectory, FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("victoria-metrics is already running");
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _process = ChildProcess.Start("victoria-metrics", Binary,
        [
            $"-storageDataPath={DataDirectory}",
            $"-httpListenAddr=127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}",
            "-search.latencyOffset=0s",
            "-retentionPeriod=100y",
            "-loggerLevel=WARN",
        ]);
        await WaitHealthyAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Graceful stop (SIGTERM): VictoriaMetrics flushes what it accepted to disk.</summary>
    public Task StopAsync() => Process.StopAsync(TimeSpan.FromSeconds(30));

    /// <summary>Makes everything accepted so far visible to queries and exports.</summary>
    public async Task FlushAsync()
    {
        using var response = await _http.GetAsync("/internal/force_flush");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>All series matching the selector (e.g. <c>{__name__="signal_value"}</c>) with every stored sample, duplicates included.</summary>
    public async Task<IReadOnlyList<ExportedSeries>> ExportAsync(string selector)
    {
        await FlushAsync();
        using var content = new FormUrlEncodedContent([new("match[]", selector), new("start", "0")]);
        using var response = await _http.PostAsync("/api/v1/export", content);
        response.EnsureSuccessStatusCode();
        var series = new List<ExportedSeries>();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var labels = json.RootElement.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
            var values = json.RootElement.GetProperty("values").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.Parse(v.GetString()!, CultureInfo.InvariantCulture)).ToArray();
            var timestamps = json.RootElement.GetProperty("timestamps").EnumerateArray().Select(v => v.GetInt64()).ToArray();
            series.Add(new ExportedSeries(labels, values, timestamps));
        }

        return series;
    }

    /// <summary>Total samples stored for the selector, duplicates included.</summary>
    public async Task<long> CountSamplesAsync(string selector) => (await ExportAsync(selector)).Sum(s => (long)s.Timestamps.Length);

    /// <summary>Polls <see cref="CountSamplesAsync"/> until it reaches <paramref name="expected"/> (or passes it) or the time runs out.</summary>
    public async Task<long> WaitForSamplesAsync(string selector, long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var count = await CountSamplesAsync(selector);
            if (count >= expected || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"victoria-metrics exited at start.\n{_process.Tail()}");
            }

            try
            {
                using var response = await _http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"victoria-metrics not healthy within {timeout}.\n{_process.Tail()}");
            }

            await Task.Delay(50);
        }
    }
}
