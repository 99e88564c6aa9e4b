using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.TimeSeries;

internal sealed class TimeSeriesOptionsValidator : IValidateOptions<TimeSeriesOptions>
{
    public const int MinBatchSize = 1;
    public const int MaxBatchSize = 50_000;
    public const int MaxMaxBufferedPoints = 1_000_000;

    public ValidateOptionsResult Validate(string? name, TimeSeriesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var s = TimeSeriesOptions.SectionName;
        if (!options.Enabled)
        {
            // Nothing else is used; a half-filled section must not stop a collector that does not use the sink.
            return problems.ToResult();
        }

        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || !string.IsNullOrEmpty(url.Query))
        {
            problems.Add($"{s}:Url", options.Url, "an absolute http:// or https:// URL of the InfluxDB server without a query, e.g. http://influxdb:8086 (TimeSeries:Enabled is true)");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            problems.AddSecret($"{s}:Token", "an InfluxDB API token with write permission on the bucket (influx auth create --write-bucket ID)");
        }

        problems.Required($"{s}:Org", options.Org, "the InfluxDB organization name, e.g. edgecredit");
        problems.Required($"{s}:Bucket", options.Bucket, "the InfluxDB bucket name, e.g. edgecredit");
        if (string.IsNullOrWhiteSpace(options.Measurement) || options.Measurement.StartsWith('_') || options.Measurement.Any(char.IsControl))
        {
            problems.Add($"{s}:Measurement", options.Measurement, "a measurement name that does not start with '_', e.g. signal");
        }

        problems.Range($"{s}:BatchSize", options.BatchSize, MinBatchSize, MaxBatchSize);
        problems.Range($"{s}:FlushInterval", options.FlushInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        problems.Range($"{s}:RetryMin", options.RetryMin, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        problems.Range($"{s}:RetryMax", options.RetryMax, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        if (options.RetryMax < options.RetryMin)
        {
            problems.Add($"{s}:RetryMax", options.RetryMax.ToString("c", null), $"at least {s}:RetryMin ({options.RetryMin:c})");
        }

        problems.Range($"{s}:WriteTimeout", options.WriteTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var minBuffered = 2L * Math.Max(options.BatchSize, MinBatchSize);
        if (options.MaxBufferedPoints < minBuffered || options.MaxBufferedPoints > MaxMaxBufferedPoints)
        {
            problems.Add(
                $"{s}:MaxBufferedPoints",
                options.MaxBufferedPoints.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"allowed {minBuffered} (twice {s}:BatchSize) to {MaxMaxBufferedPoints}");
        }
        return problems.ToResult();
    }
}
