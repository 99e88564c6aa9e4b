using System.Net.Sockets;
using InfluxDB.Client.Core.Exceptions;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>
/// Sorts a failed write into retryable or invalid. Network errors, timeouts, 408, 429 (with its Retry-After) and
/// 5xx are retryable. So are 401, 403 and 404: a wrong token, a missing permission or a missing bucket is a
/// configuration fault that an operator fixes, not a property of the points; dropping data because of it would lose
/// everything written meanwhile. Every other 4xx (400 bad line protocol or field type conflict, 413, 422) refuses
/// the points themselves and is invalid: retrying the same batch would block the sink forever.
/// </summary>
internal static class WriteClassifier
{
    /// <summary>Longest Retry-After honoured; a larger value is capped so the sink never parks for hours.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(10);

    public static WriteResult Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            HttpException { Status: 0 } http => new WriteResult(WriteStatus.Retryable, 0, Describe(http), null),
            HttpException http => Classify(http.Status, Describe(http), http.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
            _ => new WriteResult(WriteStatus.Retryable, 0, Describe(exception), null),
        };
    }

    public static WriteResult Classify(int status, string reason, TimeSpan? retryAfter)
    {
        if (status is >= 200 and < 300)
        {
            return WriteResult.Succeeded;
        }

        var retryable = status is 0 or 401 or 403 or 404 or 408 or 429 or >= 500;
        TimeSpan? wait = retryAfter is { } after && retryable ? TimeSpan.FromTicks(Math.Clamp(after.Ticks, 0, MaxRetryAfter.Ticks)) : null;
        return new WriteResult(retryable ? WriteStatus.Retryable : WriteStatus.Invalid, status, reason, wait);
    }

    private static string Describe(Exception exception)
    {
        // The innermost cause says most (connection refused, timeout); the client's wrapper often only says "0".
        var inner = exception;
        while (inner.InnerException is not null && inner is not SocketException)
        {
            inner = inner.InnerException;
        }

        var message = string.IsNullOrWhiteSpace(exception.Message) || ReferenceEquals(inner, exception) ? inner.Message : $"{exception.Message} ({inner.Message})";
        return message.Length > 500 ? message[..500] : message;
    }
}
