using InfluxDB.Client;
using InfluxDB.Client.Writes;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>
/// Writes through InfluxDB.Client's <c>WriteApiAsync</c>: one awaited HTTP request per batch, nothing buffered inside
/// the client (its batching <c>WriteApi</c> buffers without bound and reports failures only through an event). Owns
/// the client.
/// </summary>
internal sealed class InfluxTimeSeriesWriter : ITimeSeriesWriter, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _writeApi;
    private readonly string _bucket;
    private readonly string _org;

    public InfluxTimeSeriesWriter(IOptions<TimeSeriesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _bucket = value.Bucket;
        _org = value.Org ?? string.Empty;
        _client = new InfluxDBClient(new InfluxDBClientOptions(value.Url)
        {
            Token = value.Token,
            Org = value.Org,
            Bucket = value.Bucket,
            Timeout = value.WriteTimeout,
        });
        _writeApi = _client.GetWriteApiAsync();
    }

    public async Task<WriteResult> WriteAsync(IReadOnlyList<PointData> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        try
        {
            await _writeApi.WritePointsAsync(points as List<PointData> ?? [.. points], _bucket, _org, cancellationToken);
            return WriteResult.Succeeded;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return WriteClassifier.Classify(ex);
        }
    }

    public void Dispose() => _client.Dispose();
}
