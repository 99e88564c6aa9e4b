using System.Net.Sockets;
using EdgeCredit.Collector.TimeSeries;
using InfluxDB.Client.Core.Exceptions;

namespace EdgeCredit.Collector.Tests;

public sealed class WriteClassifierTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(413)]
    [InlineData(422)]
    public void Classify_PointsRefused_Invalid(int status)
    {
        var result = WriteClassifier.Classify(new HttpException("field type conflict", status));

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(status, result.HttpStatus);
        Assert.Contains("field type conflict", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(503)]
    public void Classify_ServerOrConfigurationFault_Retryable(int status)
    {
        Assert.Equal(WriteStatus.Retryable, WriteClassifier.Classify(new HttpException("x", status)).Status);
    }

    [Fact]
    public void Classify_TooManyRequestsWithRetryAfter_RetryableWithThatDelay()
    {
        var result = WriteClassifier.Classify(new TooManyRequestsException("slow down") { RetryAfter = 7 });

        Assert.Equal(WriteStatus.Retryable, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public void Classify_HugeRetryAfter_CappedAtTenMinutes()
    {
        var result = WriteClassifier.Classify(new ServiceUnavailableException("maintenance") { RetryAfter = 86_400 });
        Assert.Equal(WriteClassifier.MaxRetryAfter, result.RetryAfter);
    }

    [Fact]
    public void Classify_NoResponse_RetryableNamingInnerCause()
    {
        var result = WriteClassifier.Classify(new HttpException("", 0, new HttpRequestException("Connection refused", new SocketException(111))));

        Assert.Equal(WriteStatus.Retryable, result.Status);
        Assert.Equal(0, result.HttpStatus);
        Assert.Contains("refused", result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Classify_TimeoutOrUnknownException_Retryable()
    {
        Assert.Equal(WriteStatus.Retryable, WriteClassifier.Classify(new TaskCanceledException("timeout")).Status);
        Assert.Equal(WriteStatus.Retryable, WriteClassifier.Classify(new IOException("reset")).Status);
    }
}
