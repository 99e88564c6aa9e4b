using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.TimeSeries;

internal static class TimeSeriesExtensions
{
    /// <summary>Registers the InfluxDB sink (section <c>TimeSeries</c>); it does nothing unless <c>TimeSeries:Enabled</c> is true.</summary>
    public static IHostApplicationBuilder AddTimeSeries(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<TimeSeriesOptions>().BindConfiguration(TimeSeriesOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<TimeSeriesOptions>, TimeSeriesOptionsValidator>();
        builder.Services.AddSingleton<TimeSeriesCounters>();
        builder.Services.AddSingleton<SinkStore>();
        builder.Services.AddSingleton<ITimeSeriesWriter>(sp => sp.GetRequiredService<IOptions<TimeSeriesOptions>>().Value.Enabled
            ? new InfluxTimeSeriesWriter(sp.GetRequiredService<IOptions<TimeSeriesOptions>>())
            : DisabledTimeSeriesWriter.Instance);
        builder.Services.AddHostedService<TimeSeriesSink>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>GET /api/v1/timeseries/stats on the given (API-key protected) group.</summary>
    public static RouteGroupBuilder MapTimeSeries(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/timeseries/stats", GetStatsAsync).WithName("timeSeriesStats").WithMetadata(Api.OperatorOnly.Instance);
        return api;
    }

    private static async Task<IResult> GetStatsAsync(TimeSeriesCounters counters, SinkStore store, IOptions<TimeSeriesOptions> options, CancellationToken cancellationToken)
    {
        var maxRowId = options.Value.Enabled ? await store.MaxRowIdAsync(cancellationToken) : 0;
        return TypedResults.Ok(counters.Snapshot(maxRowId));
    }
}
