using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Storage;

internal static class StorageExtensions
{
    /// <summary>Registers the SQLite store (section <c>Storage</c>).</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddSingleton<CollectorDatabase>();
        builder.Services.AddSingleton<CollectorReader>();
        return builder;
    }
}
