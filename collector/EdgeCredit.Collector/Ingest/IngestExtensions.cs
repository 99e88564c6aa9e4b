using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Ingest;

internal static class IngestExtensions
{
    /// <summary>Registers validation, the bounded queues (to the writer, and from it to the receipt publisher) and the writer (section <c>Ingest</c>).</summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<IngestOptions>().BindConfiguration(IngestOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        builder.Services.AddSingleton<IngestQueue>();
        builder.Services.AddSingleton<ReceiptQueue>();
        builder.Services.AddSingleton<IngestCounters>();
        builder.Services.AddSingleton<SignalIngestor>();
        builder.Services.AddHostedService<IngestWriter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
