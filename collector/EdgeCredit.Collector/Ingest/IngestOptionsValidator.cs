using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Ingest;

internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var s = IngestOptions.SectionName;
        problems.Range($"{s}:MaxClockSkew", options.MaxClockSkew, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        problems.Range($"{s}:MaxSignalAge", options.MaxSignalAge, TimeSpan.FromDays(1), TimeSpan.FromDays(3650));
        problems.Range($"{s}:MaxBatchMessages", options.MaxBatchMessages, 1, 100_000);
        problems.Range($"{s}:MaxBatchDelay", options.MaxBatchDelay, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        problems.Range($"{s}:QueueCapacity", options.QueueCapacity, 1, 1_000_000);
        problems.Range($"{s}:ReceiptQueueCapacity", options.ReceiptQueueCapacity, 1, 1_000_000);
        problems.Range($"{s}:MaxRetryDelay", options.MaxRetryDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(5));
        return problems.ToResult();
    }
}
