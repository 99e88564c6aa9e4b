using EdgeCredit.Collector.Hosting;
using EdgeCredit.Collector.Ingest;

namespace EdgeCredit.Collector.Demo;

/// <summary>
/// <c>seed-demo-history [collector configuration]</c>: builds the collector from the same configuration, runs only its
/// ingest writer, writes the <c>Demo:History</c> entries and exits. The demo calls it before starting the collector.
/// </summary>
internal static class DemoHistoryVerb
{
    public const string Name = "seed-demo-history";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        await using var app = CollectorHost.Build(args);
        var writer = app.Services.GetServices<IHostedService>().OfType<IngestWriter>().Single();
        using var stop = new CancellationTokenSource();
        await writer.StartAsync(stop.Token);
        var batches = await app.Services.GetRequiredService<DemoHistorySeeder>().SeedAsync(output, stop.Token);
        await writer.StopAsync(CancellationToken.None);
        await output.WriteLineAsync($"seed-demo-history: {batches} day batches stored");
        return 0;
    }
}
