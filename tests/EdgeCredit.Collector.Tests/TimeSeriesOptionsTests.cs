using EdgeCredit.Collector.Hosting;
using EdgeCredit.Collector.TimeSeries;

namespace EdgeCredit.Collector.Tests;

public sealed class TimeSeriesOptionsTests
{
    [Fact]
    public void Validate_DisabledWithNothingSet_Succeeds()
    {
        var result = new TimeSeriesOptionsValidator().Validate(null, new TimeSeriesOptions { BatchSize = 0, Url = "not a url" });
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_EnabledComplete_Succeeds()
    {
        var result = new TimeSeriesOptionsValidator().Validate(null, Valid());
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("influxdb:8086")]
    [InlineData("ftp://influxdb:8086")]
    [InlineData("http://influxdb:8086/?org=x")]
    public void Validate_BadUrl_NamesKeyValueAndFix(string? url)
    {
        var options = Valid();
        options.Url = url;

        var failure = Assert.Single(new TimeSeriesOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith($"TimeSeries:Url = '{url ?? "(not set)"}' is invalid", failure, StringComparison.Ordinal);
        Assert.Contains("http://influxdb:8086", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoToken_NamesKeyWithoutValue()
    {
        var options = Valid();
        options.Token = " ";

        var failure = Assert.Single(new TimeSeriesOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith("TimeSeries:Token is invalid (value not shown)", failure, StringComparison.Ordinal);
        Assert.EndsWith("or in the environment as TimeSeries__Token=<value>.", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "TimeSeries:BatchSize = '0'", "1 to 50000")]
    [InlineData(50_001, "TimeSeries:BatchSize = '50001'", "1 to 50000")]
    public void Validate_BatchSizeOutOfRange_NamesKeyValueAndRange(int batchSize, string key, string allowed)
    {
        var options = Valid();
        options.BatchSize = batchSize;
        options.MaxBufferedPoints = 200_000;

        var failures = new TimeSeriesOptionsValidator().Validate(null, options).Failures!;

        Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal) && f.Contains(allowed, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BufferSmallerThanTwoBatches_NamesBothKeys()
    {
        var options = Valid();
        options.BatchSize = 5000;
        options.MaxBufferedPoints = 6000;

        var failure = Assert.Single(new TimeSeriesOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith("TimeSeries:MaxBufferedPoints = '6000'", failure, StringComparison.Ordinal);
        Assert.Contains("allowed 10000 (twice TimeSeries:BatchSize)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RetryMaxBelowRetryMin_NamesRetryMax()
    {
        var options = Valid();
        options.RetryMin = TimeSpan.FromSeconds(10);
        options.RetryMax = TimeSpan.FromSeconds(1);

        var failure = Assert.Single(new TimeSeriesOptionsValidator().Validate(null, options).Failures!);

        Assert.StartsWith("TimeSeries:RetryMax = '00:00:01'", failure, StringComparison.Ordinal);
        Assert.Contains("TimeSeries:RetryMin", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroDurationsAndNoOrg_ListsEveryProblem()
    {
        var options = Valid();
        options.Org = null;
        options.FlushInterval = TimeSpan.Zero;
        options.WriteTimeout = TimeSpan.Zero;
        options.Measurement = "_internal";

        var failures = new TimeSeriesOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("TimeSeries:Org = '(not set)'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TimeSeries:FlushInterval = '00:00:00'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TimeSeries:WriteTimeout = '00:00:00'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TimeSeries:Measurement = '_internal'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EnabledWithBadUrl_StartStopsNamingUrl()
    {
        var directory = Directory.CreateTempSubdirectory("collector-timeseries-config-").FullName;
        try
        {
            var ex = Assert.ThrowsAny<Exception>(() => CollectorHost.Build(
                ["--urls", "http://127.0.0.1:0", $"--Storage:Path={directory}/c.db", "--TimeSeries:Enabled=true", "--TimeSeries:Url=influx:8086", "--TimeSeries:Token=t", "--TimeSeries:Org=o"]));

            Assert.True(StartupErrors.TryDescribe(ex, out var lines));
            Assert.Contains(lines, l => l.Contains("TimeSeries:Url = 'influx:8086'", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static TimeSeriesOptions Valid() => new()
    {
        Enabled = true,
        Url = "http://influxdb:8086",
        Token = "token",
        Org = "edgecredit",
        Bucket = "edgecredit",
    };
}
